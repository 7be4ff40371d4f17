/**
 * The 人员名册 as an importable ledger: each record is one person, matched to a unit in the caller's scope by
 * name (the 所在单位 cell, or the sheet's name when each sheet is one unit's roster). A person already on that
 * unit's roster under the same name is updated, anyone else is added — through the module's own commands,
 * audited, in the import's one transaction.
 */
import type { Ctx } from '../../http/context.ts';
import type { LedgerRecord } from '../../io/ledger/types.ts';
import { isRecorder } from '../../policies/roles.ts';
import { byNames, cellText, checkpoint, CellErrorList, NameMatcher, textsOf } from '../../lib/ledger-names.ts';
import { unitLabel, unitsByNames } from '../orgs/public.ts';
import type { CheckInput, LedgerDefinition } from '../imports/public.ts';
import { addPeople } from './commands/add-people.ts';
import { applyPersonUpdate } from './person-update.ts';
import type { PersonFields } from './person-fields.ts';
import { GENDERS, LEADERSHIP_LEVELS, PEOPLE_FIELDS } from './ledger.ts';
import { peopleByNames, type PersonRow } from './repository.ts';
import { PHONE_PATTERN } from './schemas.ts';

export interface CheckedPerson extends PersonFields {
  orgId: number;
  name: string;
  /** The person on the unit's roster this record updates, with the version read when checked. */
  existing: { id: number; version: number } | null;
}

const LABEL = Object.fromEntries(PEOPLE_FIELDS.map((f) => [f.key, f.label]));
const PARTY = new Set(['中共党员', '中共预备党员', '中国共产党党员', '党员', '预备党员', '正式党员', '是']);
/** 政治面貌 other than the CPC's: 群众, 共青团员, the eight democratic parties' members, 无党派人士. */
const NOT_PARTY =
  /^(群众|否|非党员|共青团员|中共团员|团员|无党派人士|无党派|民革党员|民盟盟员|民建会员|民进会员|农工党党员|致公党党员|九三学社社员|台盟盟员)$/;
const phoneRe = new RegExp(PHONE_PATTERN);
const byLabel = (labels: Record<string, string>) => new Map(Object.entries(labels).map(([k, v]) => [v, k]));
const GENDER_OF = byLabel(GENDERS);
const LEVEL_OF = byLabel(LEADERSHIP_LEVELS);

/** The record's own fields, each bad cell reported; undefined for a blank optional cell (left as it is). */
function readFields(rec: LedgerRecord, err: (key: string, message: string) => void): PersonFields {
  const text = (key: string) => cellText(rec.values, key);
  const out: PersonFields = {};
  const gender = text('gender');
  if (gender) {
    if (GENDER_OF.has(gender)) out.gender = GENDER_OF.get(gender);
    else err('gender', `“${gender}”无法识别，应为“男”或“女”`);
  }
  const position = text('position');
  if (position.length > 60) err('position', '不能超过 60 个字');
  else if (position) out.position = position;
  const political = text('political');
  if (PARTY.has(political)) out.isPartyMember = true;
  else if (NOT_PARTY.test(political)) out.isPartyMember = false;
  else if (political) err('political', `“${political}”无法识别，应为“中共党员”“中共预备党员”“群众”等`);
  const level = text('leadershipLevel');
  if (level) {
    if (LEVEL_OF.has(level)) out.leadershipLevel = LEVEL_OF.get(level);
    else err('leadershipLevel', `“${level}”无法识别，应为“厅局级”“县处级”“乡科级”或“其他”`);
  }
  const phone = text('phone').replace(/\s+/g, '');
  if (phone && !phoneRe.test(phone)) err('phone', `“${phone}”格式不正确：请输入 11 位手机号或带区号的固定电话`);
  else if (phone) out.phone = phone;
  return out;
}

/** Whether the record would change the person on file (an unchanged person is neither written nor counted). */
function changes(fields: PersonFields, p: PersonRow): boolean {
  return (
    (fields.gender !== undefined && fields.gender !== p.gender) ||
    (fields.position !== undefined && fields.position !== p.position) ||
    (fields.isPartyMember !== undefined && fields.isPartyMember !== (p.isPartyMember === 1)) ||
    (fields.leadershipLevel !== undefined && fields.leadershipLevel !== p.leadershipLevel) ||
    (fields.phone !== undefined && fields.phone !== p.phone)
  );
}

async function check(ctx: Ctx, input: CheckInput) {
  const { records, resolutions } = input;
  const unitOf = (r: LedgerRecord) => cellText(r.values, 'org') || r.sheet;
  const units = await byNames(records.map(unitOf), (batch) =>
    unitsByNames(ctx.db, ctx.actor.scope, batch).then((us) => us.map((u) => ({ ...u, label: unitLabel(u) }))),
  );
  const onFile = await byNames(textsOf(records, 'name'), (batch) => peopleByNames(ctx.db, ctx.actor.scope, batch));
  const matcher = new NameMatcher('org', LABEL.org, resolutions, units);
  const list = new CellErrorList();
  const rows: CheckedPerson[] = [];
  const seen = new Map<string, number>();
  for (const [i, rec] of records.entries()) {
    await checkpoint(i, input.onProgress);
    const row = rec.firstRow;
    const err = (key: string, message: string) => list.add(rec.sheet, row, LABEL[key], message);
    const name = cellText(rec.values, 'name').replace(/\s+/g, '');
    if (!name) err('name', '不能为空');
    else if (name.length > 30) err('name', '不能超过 30 个字');
    const fields = readFields(rec, err);
    const unitText = unitOf(rec);
    const unit = matcher.match(unitText, row);
    if (unit.kind === 'none')
      err(
        'org',
        cellText(rec.values, 'org')
          ? `“${unitText}”不在您的管理范围内或不存在`
          : '不能为空（或将工作表命名为单位名称）',
      );
    if (unit.kind !== 'one' || !name) continue;
    const org = unit.match;
    const key = `${org.id}\u0000${name}`;
    const first = seen.get(key);
    if (first !== undefined) {
      err('name', `与第 ${first} 行重复：同一单位的同名人员`);
      continue;
    }
    seen.set(key, row);
    const same = (onFile.get(name) ?? []).filter((p) => p.orgId === org.id);
    if (same.length > 1) {
      err('name', `“${org.name}”已有 ${same.length} 位“${name}”，无法确定更新哪一位，请在人员页面修改`);
      continue;
    }
    const existing = same[0];
    if (!existing && !cellText(rec.values, 'political'))
      err('political', '新增人员须填写政治面貌（中共党员、中共预备党员、群众等）');
    if (existing && !changes(fields, existing)) continue;
    rows.push({ ...fields, name, orgId: org.id, existing: existing && { id: existing.id, version: existing.version } });
  }
  input.onProgress(records.length);
  return { rows, errors: list.errors, ambiguities: matcher.ambiguities };
}

export const rosterLedger: LedgerDefinition<CheckedPerson> = {
  key: 'people',
  label: '人员名册',
  fields: PEOPLE_FIELDS,
  mayImport: isRecorder,
  needsCampaign: false,
  check,
  async write(ctx, _campaignId, rows) {
    const added = rows.filter((r) => !r.existing).map(({ existing: _existing, ...person }) => person);
    const changed = rows.filter((r) => r.existing);
    for (const { existing, orgId: _orgId, name: _name, ...fields } of changed)
      await applyPersonUpdate(ctx.db, ctx.actor, existing!.id, { ...fields, version: existing!.version });
    return { created: await addPeople(ctx.db, ctx.actor, added), updated: changed.length };
  },
};
