/** Chinese names for what the audit trail records, and the before/after comparison shown to users. */
import { ORG_TYPES } from '../../shared/org-types.ts';
import { ROLE_LABELS, SCOPE_LABELS } from '../../shared/roles.ts';
import { PROBLEM_KINDS, PROBLEM_SOURCES, PROBLEM_STATUSES } from '../../shared/problem-enums.ts';

export const ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  move: '移动',
  transfer: '调动',
  deactivate: '停用',
  activate: '启用',
  grant: '授予角色',
  revoke: '撤销角色',
  reset_password: '重置密码',
  create_token: '创建接口令牌',
  revoke_token: '吊销接口令牌',
  assign_leader: '设置分管',
  unassign_leader: '取消分管',
  confirm: '审核确认',
  submit: '申请销号',
  approve: '验收销号',
  reject: '退回',
  escalate: '上报上级',
  add_measure: '添加整改措施',
  progress: '更新进展',
  request_extension: '申请延期',
  import: '导入',
  import_attendance: '导入考勤',
  visit: '调研走访',
  report: '提交调研报告',
  submit_review: '提交审核',
  accept: '审核通过',
  return: '退回修改',
  to_problem: '转为问题',
  to_institution: '转为制度',
  revise: '修订',
  issue: '印发',
  add_item: '添加条目',
};

export const ENTITY_LABELS: Record<string, string> = {
  org: '单位',
  person: '人员',
  user: '账号',
  campaign: '主题教育',
  reading: '必学篇目',
  grant: '角色授权',
  leader_assignment: '分管',
  supervision_group: '督导组',
  problem: '问题',
  measure: '整改措施',
  special_item: '专项整治',
  institution: '制度',
  study_session: '集中学习',
  study_plan: '学习计划',
  research_topic: '调研课题',
  life_meeting: '民主生活会',
  calendar: '工作日历',
};

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  title: '标题',
  type: '类型',
  kind: '类别',
  parentId: '上级单位',
  orgId: '单位',
  orgName: '单位',
  sortOrder: '排序号',
  secretaryId: '第一责任人',
  active: '在用',
  gender: '性别',
  position: '职务',
  isPartyMember: '中共党员',
  leadershipLevel: '领导职务层级',
  phone: '联系电话',
  username: '用户名',
  displayName: '姓名',
  personId: '人员',
  role: '角色',
  scopeKind: '数据范围',
  grantId: '授权编号',
  tokenId: '令牌编号',
  batch: '批次',
  startDate: '开始日期',
  endDate: '结束日期',
  generalRequirement: '总要求',
  targets: '目标',
  workLines: '重点工作',
  focusAreas: '检视重点',
  minStudyHours: '最低学时',
  warningDays: '预警天数',
  status: '状态',
  source: '来源',
  description: '描述',
  content: '内容',
  deadline: '时限',
  currentDeadline: '当前时限',
  reason: '理由',
  effect: '整改成效',
  date: '日期',
  hours: '学时',
  topic: '主题',
  issuedDate: '印发日期',
  leaderId: '责任领导',
  leaderName: '责任领导',
  problemId: '问题编号',
  measureId: '措施编号',
  institutionId: '制度编号',
  visitId: '走访编号',
  itemId: '条目编号',
  campaignId: '主题教育',
  attachmentIds: '附件',
  attendance: '考勤',
  measures: '整改措施',
  rows: '行数',
  path: '单位路径',
  oldPath: '原路径',
  newPath: '新路径',
  memberIds: '成员',
  unitIds: '联系单位',
  members: '成员',
  units: '联系单位',
};

// Bookkeeping columns that say nothing to a reader.
const HIDDEN = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'orgPath',
  'depth',
  'passwordHash',
  'abilities',
]);

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
  const keys = [...all].filter((k) => !HIDDEN.has(k) && !(k.endsWith('Id') && all.has(`${k.slice(0, -2)}Name`)));
  const rows = keys.map((key) => {
    const b = before && key in before ? formatValue(key, before[key]) : '—';
    // An update often records only the fields it set; a field it did not set kept its value.
    const a = after && key in after ? formatValue(key, after[key]) : before && after ? b : '—';
    return { key, label: fieldLabel(key, entityType), before: b, after: a, changed: before && after ? b !== a : true };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
