/**
 * The 群众诉求台账 as an importable ledger: each record is one demand, received at the unit its 受理单位 cell
 * names (matched by name in the caller's scope; the caller's own unit when blank). Imported demands start as
 * new ones do — 已受理 (received), to be dispatched — whatever the ledger says of their handling: they are
 * recorded through the module's own intake path (tracking code, repeat check, history, audit with the
 * complainant masked), in the import's one transaction.
 */
import type { Ctx } from '../../http/context.ts';
import type { LedgerCell } from '../../io/ledger/types.ts';
import { isRecorder } from '../../policies/roles.ts';
import { byNames, cellText, checkpoint, CellErrorList, NameMatcher, textsOf } from '../../lib/ledger-names.ts';
import { anyOrg, unitLabel, unitsByNames } from '../orgs/public.ts';
import type { CheckInput, LedgerDefinition } from '../imports/public.ts';
import { DEMAND_KINDS, type DemandKind } from '../../../shared/demand-enums.ts';
import { insertDemand, type IntakeInput } from './intake.ts';
import { DEMAND_FIELDS } from './ledger.ts';
import { mayRecordDemand } from './policy.ts';
import { activeCategories } from './repository.ts';
import { PHONE_PATTERN } from './schemas.ts';

export interface CheckedDemand extends IntakeInput {
  intake: { id: number; path: string };
}

const LABEL = Object.fromEntries(DEMAND_FIELDS.map((f) => [f.key, f.label]));

/** How ledgers name the channels staff record (the public page and city platforms file their own). */
const CHANNELS: Array<[RegExp, string]> = [
  [/12345|热线|来电|电话/, 'hotline'],
  [/网上|网络|网站|留言|信箱|邮件/, 'online'],
  [/来信|来访|信访/, 'letter'],
  [/走访|入户|排查|发现/, 'visit'],
];
const KIND_OF = new Map(Object.entries(DEMAND_KINDS).map(([k, v]) => [v as string, k as DemandKind]));
const phoneRe = new RegExp(PHONE_PATTERN);
const YES = new Set(['是', '保密', '要求保密', '√']);
const NO = new Set(['否', '不保密', '']);

/** A 受理时间 as the instant it names (Beijing time): a date cell, or text like 2026-11-20 09:30 / 2026年11月20日. */
function receivedAtOf(cell: LedgerCell | undefined): string | null | undefined {
  const text = cell?.text.normalize('NFKC').trim() ?? '';
  const m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?(?:\s*(\d{1,2})[:：时](\d{2}))?/.exec(text);
  const date = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : cell?.date;
  if (!date) return text ? null : undefined;
  const time = m?.[4] ? `${m[4].padStart(2, '0')}:${m[5]}` : '09:00';
  const at = new Date(`${date}T${time}:00+08:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

async function check(ctx: Ctx, input: CheckInput) {
  const { records, resolutions } = input;
  const categories = await activeCategories(ctx.db);
  const byCategory = new Map<string, Array<{ id: number; code: string; label: string }>>();
  for (const c of categories)
    for (const key of new Set([c.name, c.code]))
      byCategory.set(key, [
        ...(byCategory.get(key) ?? []),
        { id: c.id, code: c.code, label: `${c.name}（${c.groupName}）` },
      ]);
  const units = await byNames(textsOf(records, 'org'), (batch) =>
    unitsByNames(ctx.db, ctx.actor.scope, batch).then((us) => us.map((u) => ({ ...u, label: unitLabel(u) }))),
  );
  const own = ctx.actor.orgId ? await anyOrg(ctx.db, ctx.actor.orgId) : undefined;
  const matchers = {
    org: new NameMatcher('org', LABEL.org, resolutions, units),
    category: new NameMatcher('category', LABEL.category, resolutions, byCategory),
  };
  const list = new CellErrorList();
  const rows: CheckedDemand[] = [];
  const now = new Date().toISOString();
  for (const [i, rec] of records.entries()) {
    await checkpoint(i, input.onProgress);
    const row = rec.firstRow;
    const say = (key: string, message: string) => list.add(rec.sheet, row, LABEL[key], message);
    const text = (key: string) => cellText(rec.values, key);
    const description = text('description');
    if (!description) say('description', '不能为空');
    else if (description.length > 4000) say('description', '不能超过 4000 个字');
    const channelText = text('channel');
    const channel = CHANNELS.find(([re]) => re.test(channelText))?.[1];
    if (!channel)
      say(
        'channel',
        channelText ? `“${channelText}”无法识别，应为“12345热线”“网上留言”“来信来访”或“走访发现”` : '不能为空',
      );
    const kindText = text('kind');
    // A ledger without 诉求类型 records the demand as 求助, the type a 12345 office files most.
    const kind = kindText ? KIND_OF.get(kindText.replace(/类$/, '')) : 'help';
    if (!kind) say('kind', `“${kindText}”无法识别，应为“咨询”“求助”“投诉”“举报”或“建议”`);
    const category = matchers.category.match(text('category'), row);
    if (!text('category')) say('category', '不能为空');
    else if (category.kind === 'none') say('category', `“${text('category')}”不是已启用的诉求类别`);
    const phone = text('phone').replace(/\s+/g, '');
    if (phone && !phoneRe.test(phone)) say('phone', `“${phone}”格式不正确：请输入 11 位手机号或带区号的固定电话`);
    const name = text('name');
    if (name.length > 50) say('name', '不能超过 50 个字');
    const address = text('address');
    if (address.length > 200) say('address', '不能超过 200 个字');
    const confidential = text('confidential');
    if (!YES.has(confidential) && !NO.has(confidential)) say('confidential', `“${confidential}”应为“是”或“否”`);
    const receivedAt = receivedAtOf(rec.values.receivedAt);
    if (receivedAt === null) say('receivedAt', `“${text('receivedAt')}”无法识别为日期`);
    else if (receivedAt && receivedAt > now) say('receivedAt', '不能晚于现在');
    const unit = text('org') ? matchers.org.match(text('org'), row) : own ? { kind: 'one' as const, match: own } : null;
    if (!unit) say('org', '不能为空');
    else if (unit.kind === 'none') say('org', `“${text('org')}”不在您的管理范围内或不存在`);
    else if (unit.kind === 'one' && !mayRecordDemand(ctx.actor, unit.match.path))
      say('org', `您无权为“${unit.match.name}”登记群众诉求`);
    if (unit?.kind !== 'one' || category.kind !== 'one' || !channel || !kind || !description) continue;
    rows.push({
      intake: { id: unit.match.id, path: unit.match.path },
      channel,
      kind,
      category: category.match.code,
      description,
      address,
      name,
      phone,
      confidential: YES.has(confidential),
      campaignId: input.campaignId ?? undefined,
      receivedAt: receivedAt ?? undefined,
    });
  }
  input.onProgress(records.length);
  return { rows, errors: list.errors, ambiguities: Object.values(matchers).flatMap((m) => m.ambiguities) };
}

export const demandLedger: LedgerDefinition<CheckedDemand> = {
  key: 'demands',
  label: '群众诉求台账',
  fields: DEMAND_FIELDS,
  mayImport: isRecorder,
  needsCampaign: false,
  check,
  async write(ctx, _campaignId, rows) {
    for (const { intake, ...demand } of rows)
      await insertDemand(ctx.db, ctx.actor, intake, demand, ctx.actor.displayName);
    return { created: rows.length, updated: 0 };
  },
};
