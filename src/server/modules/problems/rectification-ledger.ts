/**
 * The 整改台账 as an importable ledger (issue 15): one record is one problem, each of its rows one measure.
 * Units and people are matched by name once, in SQL, inside the importer's scope; a name several in scope
 * share is an ambiguity the user resolves in the preview (a Resolution picks one), not an error. Deadlines
 * are read as offices write them (io/ledger/deadline-text.ts): 立行立改 gets IMMEDIATE_DAYS, 长期坚持 makes the
 * problem long-term. The write is the import's set-wise insert (rectification-write.ts).
 */
import type { Ctx } from '../../http/context.ts';
import { addDays, today } from '../../clock.ts';
import { hasRole } from '../../policies/engine.ts';
import { readDeadline } from '../../io/ledger/deadline-text.ts';
import { RECTIFICATION_FIELDS } from '../../io/ledger/rectification-fields.ts';
import type { LedgerCell, LedgerRecord } from '../../io/ledger/types.ts';
import { PROBLEM_KINDS, PROBLEM_SOURCES } from '../../../shared/problem-enums.ts';
import type { Ambiguity, ImportCellError, LedgerDefinition } from '../imports/public.ts';
import { yieldToLoop } from '../imports/public.ts';
import { PROBLEM_RECORDERS, problemPolicy } from './policy.ts';
import { namesInScope, type NameMatch } from './repository.ts';
import { writeRectification, type CheckedProblem } from './rectification-write.ts';

/** Days a 立行立改 measure gets when its 整改时限 names no date (capped at the campaign's end). */
export const IMMEDIATE_DAYS = 30;

const sourceByLabel = new Map<string, string>(Object.entries(PROBLEM_SOURCES).map(([k, v]) => [v, k]));
const kindByLabel = new Map<string, string>(Object.entries(PROBLEM_KINDS).map(([k, v]) => [v, k]));
const DONE = new Set(['已完成', '完成', '已整改', '已办结', '是']);
const OPEN = new Set(['', '未完成', '否', '正在整改', '整改中', '推进中', '正在推进', '持续推进']);
/** 序号 as offices number problems: 1, 1., （一）, 一、 */
const NUMBER = /^[（(]?[0-9一二三四五六七八九十百]+[)）.、]?$/;
const label = (key: string) => RECTIFICATION_FIELDS.find((f) => f.key === key)!.label;
const CHECK_SLICE = 1000;

interface Campaign {
  startDate: string;
  endDate: string;
  focusAreas: string;
}

/** A name resolved for one cell: the id, or why not (an error message, or an ambiguity to list). */
type Resolved = { id: number; path: string } | { error: string } | { ambiguous: NameMatch[] } | null;

function resolver(matches: Map<string, NameMatch[]>, picks: Map<string, number>, what: '单位' | '人员') {
  return (field: string, name: string, narrow?: (m: NameMatch) => boolean): Resolved => {
    if (!name) return null;
    let found = matches.get(name) ?? [];
    const picked = picks.get(`${field}\u0001${name}`);
    if (picked !== undefined) {
      const one = found.find((m) => m.id === picked);
      return one ? one : { error: `所选的${what}“${name}”不在您的数据范围内，请重新选择` };
    }
    if (found.length > 1 && narrow && found.some(narrow)) found = found.filter(narrow);
    if (!found.length) return { error: `未找到${what}“${name}”（或不在您的数据范围内）` };
    return found.length === 1 ? found[0] : { ambiguous: found };
  };
}

type Deadline = { date: string; kind: 'immediate' | 'long_term' | null } | { error: string };

function deadlineOf(cell: LedgerCell | undefined, campaign: Campaign): Deadline {
  const text = cell?.text ?? '';
  if (!text && !cell?.date) return { error: '不能为空' };
  const reading = readDeadline(text, cell?.date, campaign);
  if (reading.kind === 'date') return { date: reading.date, kind: null };
  if (reading.kind === 'long_term') return { date: reading.date ?? campaign.endDate, kind: 'long_term' };
  if (reading.kind === 'immediate') {
    const due = addDays(today(), IMMEDIATE_DAYS);
    return { date: campaign.endDate >= today() && campaign.endDate < due ? campaign.endDate : due, kind: 'immediate' };
  }
  return { error: `“${text}”不是可识别的整改时限（如 2024-06-30、2024年6月底前、立行立改、长期坚持）` };
}

export const rectificationLedger: LedgerDefinition<CheckedProblem> = {
  key: 'rectification',
  label: '整改台账',
  fields: RECTIFICATION_FIELDS,
  mayImport: (actor) => hasRole(actor, ...PROBLEM_RECORDERS),
  needsCampaign: true,

  async check(ctx, { campaignId, records, resolutions, onProgress }) {
    const campaign = (await ctx.db
      .selectFrom('campaigns')
      .select(['startDate', 'endDate', 'focusAreas'])
      .where('id', '=', campaignId!)
      .executeTakeFirstOrThrow()) as Campaign;
    const focusAreas = new Set(JSON.parse(campaign.focusAreas) as string[]);
    const cellsOf = (keys: string[]) =>
      records.flatMap((r) => r.rows.flatMap((row) => keys.map((k) => row.values[k]?.text ?? '')));
    const { units, people } = await namesInScope(ctx, cellsOf(['ownerOrg']), cellsOf(['leader', 'owner']));
    const picks = new Map(resolutions.map((r) => [`${r.field}\u0001${r.text}`, r.id]));
    const unitOf = resolver(units, picks, '单位');
    const personOf = resolver(people, picks, '人员');

    const errors: ImportCellError[] = [];
    const ambiguous = new Map<string, Ambiguity>();
    const rows: CheckedProblem[] = [];
    const note = (field: string, name: string, row: number, found: NameMatch[]) => {
      const key = `${field}\u0001${name}`;
      const entry = ambiguous.get(key) ?? {
        field,
        column: label(field),
        text: name,
        rows: [],
        candidates: found.map((m) => ({ id: m.id, label: m.label })),
      };
      entry.rows.push(row);
      ambiguous.set(key, entry);
    };

    for (const [i, record] of records.entries()) {
      if (i % CHECK_SLICE === 0 && i) {
        onProgress(i);
        await yieldToLoop();
      }
      const problem = checkRecord(record, campaign, focusAreas, { unitOf, personOf, note, errors, ctx });
      if (problem) rows.push(problem);
    }
    onProgress(records.length);
    return { rows, errors, ambiguities: [...ambiguous.values()] };
  },

  write: (ctx, campaignId, rows) => writeRectification(ctx, campaignId!, rows),
};

interface Checking {
  unitOf: ReturnType<typeof resolver>;
  personOf: ReturnType<typeof resolver>;
  note(field: string, name: string, row: number, found: NameMatch[]): void;
  errors: ImportCellError[];
  ctx: Ctx;
}

/** One record checked cell by cell, in the order the columns customarily stand; the problem, or null. */
function checkRecord(
  record: LedgerRecord,
  campaign: Campaign,
  focusAreas: Set<string>,
  { unitOf, personOf, note, errors, ctx }: Checking,
): CheckedProblem | null {
  const { sheet, firstRow } = record;
  let ok = true;
  const bad = (row: number, key: string, message: string) => {
    ok = false;
    errors.push({ sheet, row, column: label(key), message });
  };
  const text = (key: string) => record.values[key]?.text ?? '';
  const no = text('no');
  if (no && !NUMBER.test(no)) bad(firstRow, 'no', '应为正整数');
  const title = text('title');
  if (!title) bad(firstRow, 'title', '不能为空');
  else if (title.length > 200) bad(firstRow, 'title', '不能超过 200 个字符');
  const source = text('source') ? sourceByLabel.get(text('source')) : 'self_found';
  if (!source)
    bad(firstRow, 'source', `“${text('source')}”不是有效来源，可选：${[...sourceByLabel.keys()].join('、')}`);

  const measureRows = record.rows.length ? record.rows : [{ row: firstRow, values: {} }];
  const measures: CheckedProblem['measures'] = [];
  let deadlineKind: string | null = null;
  let unitPath: string | null = null;
  for (const { row, values } of measureRows) {
    const cell = (key: string) => values[key]?.text ?? '';
    const content = cell('measure');
    if (!content) bad(row, 'measure', '不能为空');
    else if (content.length > 1000) bad(row, 'measure', '不能超过 1000 个字符');
    const unit = unitOf('ownerOrg', cell('ownerOrg'));
    let orgId: number | null = null;
    let orgPath: string | null = null;
    if (!unit) bad(row, 'ownerOrg', '不能为空');
    else if ('error' in unit) bad(row, 'ownerOrg', unit.error);
    else if ('ambiguous' in unit) {
      ok = false;
      note('ownerOrg', cell('ownerOrg'), row, unit.ambiguous);
    } else if (!problemPolicy.update(ctx.actor, { orgPath: unit.path, status: 'draft', personId: null }))
      bad(row, 'ownerOrg', '您无权为该单位记录问题');
    else [orgId, orgPath] = [unit.id, unit.path];
    unitPath ??= orgPath;
    const person = (key: 'leader' | 'owner'): number | null => {
      const found = personOf(key, cell(key), orgPath ? (m) => m.path.startsWith(orgPath!) : undefined);
      if (!found) return null;
      if ('error' in found) bad(row, key, found.error);
      else if ('ambiguous' in found) {
        ok = false;
        note(key, cell(key), row, found.ambiguous);
      } else return found.id;
      return null;
    };
    const leaderId = person('leader');
    const ownerId = person('owner');
    const deadline = deadlineOf(values.deadline, campaign);
    if ('error' in deadline) bad(row, 'deadline', deadline.error);
    else deadlineKind ??= deadline.kind;
    const doneText = cell('done');
    if (!DONE.has(doneText) && !OPEN.has(doneText)) bad(row, 'done', '应为“已完成”或“未完成”');
    if (cell('progress').length > 2000) bad(row, 'progress', '不能超过 2000 个字符');
    if (orgId && orgPath && 'date' in deadline)
      measures.push({
        row,
        content,
        leaderId,
        orgId,
        orgPath,
        ownerId,
        deadline: deadline.date,
        progress: cell('progress'),
        done: DONE.has(doneText),
      });
  }
  const category = text('category');
  if (category && !focusAreas.has(category)) bad(firstRow, 'category', `“${category}”不是本次主题教育的问题领域`);
  const kind = text('kind') ? kindByLabel.get(text('kind')) : (deadlineKind ?? 'immediate');
  if (!kind) bad(firstRow, 'kind', '应为“立行立改”或“长期坚持”');
  if (text('description').length > 4000) bad(firstRow, 'description', '不能超过 4000 个字符');
  if (!ok || !source || !kind || !unitPath) return null;
  return { row: firstRow, title, source, category, kind, description: text('description'), measures };
}
