/** Chinese names for what the audit trail records, and the before/after comparison shown to users. */
import { ORG_TYPES } from '../../shared/org-types.ts';
import { ROLE_LABELS, SCOPE_LABELS } from '../../shared/roles.ts';
import { PROBLEM_KINDS, PROBLEM_SOURCES, PROBLEM_STATUSES } from '../../shared/problem-enums.ts';
import { FIELD_LABELS, HIDDEN_FIELDS } from '../../shared/vocabulary.ts';

const ENUMS: Record<string, Record<string, string>> = {
  type: ORG_TYPES,
  role: ROLE_LABELS,
  scopeKind: SCOPE_LABELS,
  gender: { male: '男', female: '女' },
  leadershipLevel: { bureau: '厅局级', county: '县处级', township: '乡科级', other: '其他' },
  source: PROBLEM_SOURCES,
  kind: PROBLEM_KINDS,
  status: { ...PROBLEM_STATUSES, active: '进行中', finished: '已结束', open: '未完成', done: '已完成' },
};

// Where a field means something more specific for one kind of record.
const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  person: { name: '姓名' },
  user: { name: '令牌名称' },
  campaign: { orgId: '牵头单位', orgName: '牵头单位' },
};

// Stored as integer 0/1 in the database rows some events record.
const FLAGS = new Set(['active', 'isPartyMember']);

/** The Chinese name of a recorded field (unknown ones keep their key so nothing is hidden). */
export function fieldLabel(key: string, entityType?: string): string {
  return (entityType && ENTITY_FIELD_LABELS[entityType]?.[key]) ?? FIELD_LABELS[key] ?? key;
}

/** A recorded value as a reader would say it. */
export function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean' || (FLAGS.has(key) && (value === 0 || value === 1))) return value ? '是' : '否';
  if (typeof value === 'string' && ENUMS[key]?.[value]) return ENUMS[key][value];
  if (Array.isArray(value)) {
    return value.length
      ? value
          .map((v) =>
            v && typeof v === 'object'
              ? String((v as Record<string, unknown>).label ?? (v as Record<string, unknown>).name ?? JSON.stringify(v))
              : String(v),
          )
          .join('、')
      : '（空）';
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface DiffRow {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** Field-by-field comparison of a change, changed fields first. */
export function diffRows(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  entityType?: string,
): DiffRow[] {
  const all = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  // An id next to its name (orgId + orgName) says the same thing twice; the name is the readable one.
  const keys = [...all].filter((k) => !HIDDEN_FIELDS.has(k) && !(k.endsWith('Id') && all.has(`${k.slice(0, -2)}Name`)));
  const rows = keys.map((key) => {
    const b = before && key in before ? formatValue(key, before[key]) : '—';
    // An update often records only the fields it set; a field it did not set kept its value.
    const a = after && key in after ? formatValue(key, after[key]) : before && after ? b : '—';
    return { key, label: fieldLabel(key, entityType), before: b, after: a, changed: before && after ? b !== a : true };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
