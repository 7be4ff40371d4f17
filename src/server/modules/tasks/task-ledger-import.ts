/**
 * The 重点任务台账 as an importable ledger: each record is one task (its cells merged over its rows) and each
 * row one 时序进度 node. Units and the 牵头领导 are matched by name in the caller's scope; dates are read as
 * offices write them. Tasks are created through the module's own insert path (status derived at once),
 * audited, in the import's one transaction. A task already in the campaign under the same title and 牵头单位
 * is reported, not created twice.
 */
import type { Ctx } from '../../http/context.ts';
import { readDeadline } from '../../io/ledger/deadline-text.ts';
import type { DeadlineCampaign, LedgerCell, LedgerRecord } from '../../io/ledger/types.ts';
import { inBatches } from '../../db/in-batches.ts';
import { isReviewer } from '../../policies/roles.ts';
import {
  byNames,
  cellText,
  checkpoint,
  CellErrorList,
  NameMatcher,
  splitNames,
  textsOf,
} from '../../lib/ledger-names.ts';
import { campaignBrief } from '../campaigns/public.ts';
import { unitLabel, unitsByNames } from '../orgs/public.ts';
import { peopleNamed } from '../people/public.ts';
import type { CheckInput, LedgerDefinition } from '../imports/public.ts';
import { insertTask, type CreateTaskInput, type MilestoneInput } from './task-insert.ts';
import { campaignOrgPath } from './task-writes.ts';
import { TASK_FIELDS } from './ledger.ts';
import { taskPolicy } from './policy.ts';

const LABEL = Object.fromEntries(TASK_FIELDS.map((f) => [f.key, f.label]));

type Say = (key: string, message: string, row?: number) => void;

/** A date cell as offices write it; a kind word (立行立改, 长期坚持) is no task date. */
function dateOf(cell: LedgerCell | undefined, campaign: DeadlineCampaign, key: string, say: Say, row?: number) {
  const text = cell?.text.trim() ?? '';
  if (!text && !cell?.date) return undefined;
  const reading = readDeadline(text, cell?.date, campaign);
  if (reading.kind === 'date' || (reading.kind === 'long_term' && reading.date)) return reading.date;
  if (reading.kind === 'long_term') return campaign.endDate;
  say(key, `“${text}”无法识别为日期`, row);
  return undefined;
}

/** 起止时间 "2026年9月—12月", "2026.09-2026.12": the start's first day and the end's last. */
function periodOf(cell: LedgerCell | undefined, campaign: DeadlineCampaign, say: Say) {
  const text = cell?.text.normalize('NFKC').trim() ?? '';
  if (!text) return {};
  const [from, to] = text.split(/\s*(?:—+|–|~|至|到|-(?=\s*\d{4}\D))\s*/);
  if (!to) {
    say('period', `“${text}”应写作“开始—结束”，如“2026年9月—2026年12月”`);
    return {};
  }
  const start = readDeadline(from, undefined, campaign);
  const end = readDeadline(to, undefined, campaign);
  if (start.kind !== 'date' || end.kind !== 'date') {
    say('period', `“${text}”无法识别为日期`);
    return {};
  }
  // A start written without its day is the month's first day (readDeadline gives deadlines, so the last).
  const withDay = /\d{4}\D+\d{1,2}\D+\d{1,2}/.test(from);
  return { startDate: withDay ? start.date : `${start.date.slice(0, 8)}01`, endDate: end.date };
}

/** 年度目标 "完成老旧小区改造 120 户" → a metric (name, target, unit); text without a number stays text. */
function metricOf(text: string) {
  const m = /^(.*?)\s*(-?\d+(?:\.\d+)?)\s*([^\d\s]{0,20})$/.exec(text.normalize('NFKC'));
  if (!m?.[1].trim()) return null;
  return { name: m[1].trim().slice(0, 60), target: Number(m[2]), unit: m[3] };
}

function milestonesOf(rec: LedgerRecord, campaign: DeadlineCampaign, say: Say) {
  const out: Array<MilestoneInput & { row: number }> = [];
  for (const { row, values } of rec.rows) {
    const title = cellText(values, 'milestone');
    if (!title) continue;
    const plannedDate = dateOf(values.plannedDate, campaign, 'plannedDate', say, row);
    if (!values.plannedDate?.text.trim() && !values.plannedDate?.date)
      say('plannedDate', '节点须填写计划完成日期', row);
    const weightText = cellText(values, 'weight').replace(/%$/, '');
    const weight = weightText ? Number(weightText) : 1;
    if (!(weight > 0 && weight <= 1000)) say('weight', `“${weightText}”应为大于 0 的数字`, row);
    if (title.length > 200) say('milestone', '不能超过 200 个字', row);
    if (plannedDate)
      out.push({ row, title, plannedDate, weight, criteria: cellText(values, 'criteria').slice(0, 500) });
  }
  return out;
}

async function check(ctx: Ctx, input: CheckInput) {
  const campaignId = input.campaignId!;
  const campaign = (await campaignBrief(ctx.db, campaignId))!;
  const campaignPath = await campaignOrgPath(ctx.db, campaignId);
  const { records, resolutions } = input;
  const unitNames = records.flatMap((r) => [
    cellText(r.values, 'org'),
    ...splitNames(cellText(r.values, 'responsible')),
    ...splitNames(cellText(r.values, 'cooperating')),
  ]);
  const units = await byNames(unitNames, (batch) =>
    unitsByNames(ctx.db, ctx.actor.scope, batch).then((us) => us.map((u) => ({ ...u, label: unitLabel(u) }))),
  );
  const leaders = await byNames(textsOf(records, 'leader'), (batch) => peopleNamed(ctx.db, ctx.actor.scope, batch));
  const titles = textsOf(records, 'title');
  const existing = new Set(
    (
      await inBatches(titles, (batch) =>
        ctx.db
          .selectFrom('tasks')
          .select(['title', 'orgId'])
          .where('campaignId', '=', campaignId)
          .where('title', 'in', batch)
          .execute(),
      )
    ).map((t) => `${t.orgId}\u0000${t.title}`),
  );
  const matchers = {
    org: new NameMatcher('org', LABEL.org, resolutions, units),
    responsible: new NameMatcher('responsible', LABEL.responsible, resolutions, units),
    cooperating: new NameMatcher('cooperating', LABEL.cooperating, resolutions, units),
    leader: new NameMatcher('leader', LABEL.leader, resolutions, leaders),
  };
  const list = new CellErrorList();
  const rows: CreateTaskInput[] = [];
  const seen = new Map<string, number>();
  for (const [i, rec] of records.entries()) {
    await checkpoint(i, input.onProgress);
    const say: Say = (key, message, row = rec.firstRow) => list.add(rec.sheet, row, LABEL[key], message);
    const text = (key: string) => cellText(rec.values, key);
    const title = text('title');
    if (!title) say('title', '不能为空');
    else if (title.length > 200) say('title', '不能超过 200 个字');
    const unitIds = (key: 'responsible' | 'cooperating') =>
      splitNames(text(key)).flatMap((name) => {
        const m = matchers[key].match(name, rec.firstRow);
        if (m.kind === 'none') say(key, `“${name}”不在您的管理范围内或不存在`);
        return m.kind === 'one' ? [m.match.id] : [];
      });
    const [responsibleOrgIds, cooperatingOrgIds] = [unitIds('responsible'), unitIds('cooperating')];
    let leaderId: number | null = null;
    if (text('leader')) {
      const m = matchers.leader.match(text('leader'), rec.firstRow);
      if (m.kind === 'none') say('leader', `“${text('leader')}”不在您管理范围内的人员中`);
      if (m.kind === 'one') leaderId = m.match.id;
    }
    const period = periodOf(rec.values.period, campaign, say);
    const startDate =
      dateOf(rec.values.startDate, campaign, 'startDate', say) ?? period.startDate ?? campaign.startDate;
    const endDate = dateOf(rec.values.endDate, campaign, 'endDate', say) ?? period.endDate;
    if (!endDate && !text('endDate') && !text('period')) say('endDate', '不能为空');
    if (endDate && endDate < startDate) say('endDate', `不能早于开始时间（${startDate}）`);
    const milestones = milestonesOf(rec, campaign, say);
    for (const m of milestones)
      if (endDate && (m.plannedDate < startDate || m.plannedDate > endDate))
        say('plannedDate', `须在任务起止日期（${startDate} 至 ${endDate}）之内`, m.row);
    const target = text('target');
    const metric = target ? metricOf(target) : null;
    const org = matchers.org.match(text('org'), rec.firstRow);
    if (!text('org')) say('org', '不能为空');
    else if (org.kind === 'none') say('org', `“${text('org')}”不在您的管理范围内或不存在`);
    if (org.kind !== 'one' || !title || !endDate) continue;
    const unit = org.match;
    const subject = {
      orgPath: unit.path,
      unitPaths: [],
      leaderId: null,
      parentId: null,
      campaignOrgPath: campaignPath,
    };
    if (!taskPolicy.create(ctx.actor, { ...subject, done: false, hasMilestones: false, hasChildren: false })) {
      say('org', `您无权为“${unit.name}”登记重点任务（全局性重点任务由领导小组办公室登记）`);
      continue;
    }
    const key = `${unit.id}\u0000${title}`;
    if (existing.has(key)) say('title', `本主题教育已有“${unit.name}”牵头的同名重点任务`);
    else if (seen.has(key)) say('title', `与第 ${seen.get(key)} 行重复：同一牵头单位的同名任务`);
    seen.set(key, rec.firstRow);
    const description = [text('description'), target && !metric ? `年度目标：${target}` : '']
      .filter(Boolean)
      .join('\n');
    rows.push({
      campaignId,
      orgId: unit.id,
      leaderId,
      title,
      description: description.slice(0, 4000),
      startDate,
      endDate,
      responsibleOrgIds,
      cooperatingOrgIds,
      metric,
      milestones: milestones.map(({ row: _row, ...m }) => m),
    });
  }
  input.onProgress(records.length);
  return {
    rows,
    errors: list.errors,
    ambiguities: Object.values(matchers).flatMap((m) => m.ambiguities),
  };
}

export const taskLedger: LedgerDefinition<CreateTaskInput> = {
  key: 'tasks',
  label: '重点任务台账',
  fields: TASK_FIELDS,
  // Who plans tasks at all; the unit each record names is checked against taskPolicy.create.
  mayImport: isReviewer,
  needsCampaign: true,
  check,
  async write(ctx, _campaignId, rows) {
    for (const row of rows) await insertTask(ctx.db, ctx, row);
    return { created: rows.length, updated: 0 };
  },
};
