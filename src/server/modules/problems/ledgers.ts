import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import type { SheetSpec } from '../../io/xlsx-sheet.ts';
import {
  PROBLEM_COLOURS,
  PROBLEM_KINDS,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  ROOT_CAUSES,
  type ProblemKind,
  type ProblemSource,
  type ProblemStatus,
  type RootCause,
} from '../../../shared/problem-enums.ts';
import { measuresOf, problemQuery, type MeasureRow, type ProblemFilter } from './repository.ts';
import { colourOf } from './colour.ts';
import { shanghaiDate } from '../../clock.ts';

/** The customary columns of the 整改台账, in order, then the extra ones this system adds. */
export const RECTIFICATION_HEADERS = [
  '序号',
  '问题描述',
  '问题来源',
  '整改措施',
  '责任领导',
  '责任单位',
  '责任人',
  '整改时限',
  '整改进展',
  '完成情况',
  '问题领域',
  '整改类型',
  '具体表现',
] as const;

/** Only the problem fields the ledgers print: a big export reads 100,000 of these. */
const LEDGER_COLUMNS = [
  'problems.id',
  'problems.orgPath',
  'orgUnits.name as orgName',
  'problems.title',
  'problems.description',
  'problems.source',
  'problems.category',
  'problems.rootCauses',
  'problems.kind',
  'problems.status',
  'problems.dueDate',
  'problems.effect',
  'problems.closedAt',
] as const;

function ledgerProblems(
  db: Kysely<Database>,
  actor: Actor,
  filter: ProblemFilter,
  dates: { today: string; yellowUntil: string },
) {
  return problemQuery(db, actor, filter, dates)
    .innerJoin('orgUnits', 'orgUnits.id', 'problems.orgId')
    .select(LEDGER_COLUMNS);
}

export type LedgerProblem = Awaited<ReturnType<ReturnType<typeof ledgerProblems>['execute']>>[number];

export interface LedgerRow {
  no: number;
  problem: LedgerProblem;
  measure: MeasureRow | null;
  progress: string;
}

/** Problems per batch: small batches keep every IN list short and let each batch's rows die young (less garbage promoted, lower peak RSS). */
const BATCH = 500;

/**
 * Problems of the filter with their measures and latest progress note, one row per measure, in batches of
 * whole problems (keyset pages over the ledger's order: unit path, then id), numbered across batches.
 */
export async function* ledgerBatches(
  db: Kysely<Database>,
  actor: Actor,
  filter: ProblemFilter,
  dates: { today: string; yellowUntil: string },
): AsyncGenerator<LedgerRow[]> {
  let after: { orgPath: string; id: number } | null = null;
  let no = 0;
  for (;;) {
    let qb = ledgerProblems(db, actor, filter, dates);
    if (after) {
      const { orgPath, id } = after;
      qb = qb.where((eb) =>
        eb.and([
          eb('problems.orgPath', '>=', orgPath),
          eb.or([eb('problems.orgPath', '>', orgPath), eb('problems.id', '>', id)]),
        ]),
      );
    }
    const problems = await qb.orderBy('problems.orgPath').orderBy('problems.id').limit(BATCH).execute();
    if (!problems.length) return;
    const ids = problems.map((p) => p.id);
    const measures = await measuresOf(db, ids);
    const notes = await db
      .selectFrom('measureProgress')
      .innerJoin('problemMeasures', 'problemMeasures.id', 'measureProgress.measureId')
      .select(['measureProgress.measureId', 'measureProgress.note'])
      .where('problemMeasures.problemId', 'in', ids)
      .orderBy('measureProgress.date')
      .orderBy('measureProgress.id')
      .execute();
    const latest = new Map(notes.map((n) => [n.measureId, n.note]));
    const byProblem = Map.groupBy(measures, (m) => m.problemId);
    const rows: LedgerRow[] = [];
    for (const problem of problems) {
      no++;
      const ms = byProblem.get(problem.id) ?? [];
      if (!ms.length) rows.push({ no, problem, measure: null, progress: '' });
      for (const measure of ms) rows.push({ no, problem, measure, progress: latest.get(measure.id) ?? '' });
    }
    yield rows;
    if (problems.length < BATCH) return;
    const last = problems[problems.length - 1];
    after = { orgPath: last.orgPath, id: last.id };
  }
}

/**
 * The 整改台账. An export (with `dates`) adds where each problem stands — 状态, 红黄绿蓝, 销号日期 — after the
 * customary columns; the import template leaves them out, since an import does not read them.
 */
export const rectificationSheet = (
  title: string,
  dates?: { today: string; yellowUntil: string },
): SheetSpec<LedgerRow> => ({
  title,
  sheetName: '整改台账',
  columns: [
    { header: '序号', width: 6, value: (r) => r.no },
    { header: '问题描述', width: 30, value: (r) => r.problem.title },
    {
      header: '问题来源',
      width: 10,
      value: (r) => PROBLEM_SOURCES[r.problem.source as ProblemSource] ?? r.problem.source,
    },
    { header: '整改措施', width: 36, value: (r) => r.measure?.content ?? '' },
    { header: '责任领导', width: 10, value: (r) => r.measure?.leaderName ?? '' },
    { header: '责任单位', width: 18, value: (r) => r.measure?.ownerOrgName ?? r.problem.orgName },
    { header: '责任人', width: 10, value: (r) => r.measure?.ownerName ?? '' },
    { header: '整改时限', width: 12, value: (r) => r.measure?.deadline ?? '' },
    { header: '整改进展', width: 30, value: (r) => r.progress },
    { header: '完成情况', width: 10, value: (r) => (r.measure?.status === 'done' ? '已完成' : '未完成') },
    { header: '问题领域', width: 10, value: (r) => r.problem.category },
    { header: '整改类型', width: 10, value: (r) => PROBLEM_KINDS[r.problem.kind as ProblemKind] ?? r.problem.kind },
    { header: '具体表现', width: 36, value: (r) => r.problem.description },
    ...(dates ? standingColumns(dates) : []),
  ],
  mergeBy: { key: (r) => r.no, columns: dates ? [0, 1, 2, 10, 11, 12, 13, 14, 15] : [0, 1, 2, 10, 11, 12] },
});

/** A problem's 状态, 红黄绿蓝 and 销号日期 (Beijing date), as the exports print them. */
const standingColumns = (dates: { today: string; yellowUntil: string }): SheetSpec<LedgerRow>['columns'] => [
  { header: '状态', width: 10, value: (r) => PROBLEM_STATUSES[r.problem.status as ProblemStatus] ?? r.problem.status },
  {
    header: '红黄绿蓝',
    width: 12,
    value: (r) => PROBLEM_COLOURS[colourOf(r.problem, dates.today, dates.yellowUntil)],
  },
  { header: '销号日期', width: 12, value: (r) => closedDate(r) },
];

const closedDate = (r: LedgerRow) => (r.problem.closedAt ? shanghaiDate(new Date(r.problem.closedAt)) : '');

export const problemListSheet = (
  title: string,
  dates: { today: string; yellowUntil: string },
): SheetSpec<LedgerRow> => ({
  title,
  sheetName: '问题清单',
  columns: [
    { header: '序号', width: 6, value: (r) => r.no },
    { header: '单位', width: 18, value: (r) => r.problem.orgName },
    { header: '问题描述', width: 36, value: (r) => r.problem.title },
    {
      header: '问题来源',
      width: 10,
      value: (r) => PROBLEM_SOURCES[r.problem.source as ProblemSource] ?? r.problem.source,
    },
    { header: '问题领域', width: 10, value: (r) => r.problem.category },
    {
      header: '根源剖析',
      width: 14,
      value: (r) => (JSON.parse(r.problem.rootCauses) as RootCause[]).map((c) => ROOT_CAUSES[c] ?? c).join('、'),
    },
    { header: '整改类型', width: 10, value: (r) => PROBLEM_KINDS[r.problem.kind as ProblemKind] ?? r.problem.kind },
    { header: '整改时限', width: 12, value: (r) => r.problem.dueDate ?? '' },
    {
      header: '状态',
      width: 10,
      value: (r) => PROBLEM_STATUSES[r.problem.status as ProblemStatus] ?? r.problem.status,
    },
    {
      header: '红黄绿蓝',
      width: 12,
      value: (r) => PROBLEM_COLOURS[colourOf(r.problem, dates.today, dates.yellowUntil)],
    },
  ],
});

export const resultsSheet = (title: string): SheetSpec<LedgerRow> => ({
  title,
  sheetName: '成果清单',
  columns: [
    { header: '序号', width: 6, value: (r) => r.no },
    { header: '单位', width: 18, value: (r) => r.problem.orgName },
    { header: '问题描述', width: 32, value: (r) => r.problem.title },
    { header: '整改措施', width: 36, value: (r) => r.measure?.content ?? '' },
    { header: '整改成效', width: 36, value: (r) => r.problem.effect },
    { header: '销号日期', width: 12, value: closedDate },
  ],
  mergeBy: { key: (r) => r.no, columns: [0, 1, 2, 4, 5] },
});

/** One row per problem (for the 问题清单); batches hold whole problems, so each is filtered on its own. */
export async function* onePerProblem(batches: AsyncIterable<LedgerRow[]>): AsyncGenerator<LedgerRow[]> {
  for await (const rows of batches) yield rows.filter((r, i) => i === 0 || rows[i - 1].no !== r.no);
}
