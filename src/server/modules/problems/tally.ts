import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { coversSubtree, unitIdOfPath } from '../../db/scope.ts';
import type { ProblemFilter } from './problem-filter.ts';
import type { TallySource } from '../../db/subtree-tally.ts';
import { PROBLEM_TALLY } from '../../db/tally-tables.ts';
import {
  PROBLEM_COLOURS,
  PROBLEM_STATUSES,
  type ProblemColour,
  type ProblemStatus,
} from '../../../shared/problem-enums.ts';
import type { ProblemSummary } from '../../../shared/dashboard.ts';

export type { ProblemSummary };
import { colourPredicate } from './colour.ts';
import { MEASURE_DONE_LATE } from './on-time.ts';
import type { AnyExpressionBuilder } from '../../db/untyped.ts';
import { reusableQuery } from '../../db/reusable-query.ts';

/** Stands for "no open deadline" in a tally: compares like NULL in every colour rule (never overdue, never due soon). */
export const NO_DUE_DATE = '9999-12-31';

/**
 * How a problem is counted: by campaign, status, kind, due date (so overdue and the colours are judged at
 * read time against today's date, and stay right as days pass), escalation and on-time closure (the same
 * rule as onTimePredicate in repository.ts).
 */
export const problemTally: TallySource = {
  tally: PROBLEM_TALLY,
  source: 'problems',
  values: () => [
    sql`s.campaign_id`,
    sql`s.status`,
    sql`s.kind`,
    sql`coalesce(s.due_date, ${NO_DUE_DATE})`,
    sql`case when s.escalated_from_id is null then 0 else 1 end`,
    sql`case when s.status = 'closed' and not exists (select 1 from problem_measures pm where pm.problem_id = s.id and ${MEASURE_DONE_LATE}) then 1 else 0 end`,
    sql`1`,
  ],
};

type Dates = { today: string; yellowUntil: string };
// Column aliases are positional: the connection's camel-case plugin would rewrite names like status_in_progress.
const STATUS_KEYS = Object.keys(PROBLEM_STATUSES) as ProblemStatus[];
const COLOUR_KEYS = Object.keys(PROBLEM_COLOURS) as ProblemColour[];
type Eb = AnyExpressionBuilder;

/**
 * The summary columns over either the live problems or their tallies (both aliased `problems`): `weight` is
 * 1 per live row or a tally row's count. The colour rule is the one the list filters with.
 */
export function summaryColumns(
  eb: Eb,
  weight: Expression<number>,
  is: { escalated: Expression<SqlBool>; onTime: Expression<SqlBool> },
  dates: Dates,
) {
  const count = (p?: Expression<SqlBool>) =>
    eb.fn.sum<number>(p ? eb.case().when(p).then(weight).else(0).end() : weight);
  const closed = eb('problems.status', '=', 'closed');
  return [
    count().as('total'),
    count(closed).as('closed'),
    count(eb.and([eb('problems.kind', '=', 'immediate'), closed])).as('cleared'),
    count(is.onTime).as('onTime'),
    count(colourPredicate(eb, 'red', dates.today, dates.yellowUntil)).as('overdue'),
    count(is.escalated).as('escalated'),
    ...STATUS_KEYS.map((s, i) => count(eb('problems.status', '=', s)).as(`status${i}`)),
    ...COLOUR_KEYS.map((c, i) => count(colourPredicate(eb, c, dates.today, dates.yellowUntil)).as(`colour${i}`)),
  ];
}

/** Reads a row of summaryColumns back into numbers. */
export function toSummary(row: Record<string, unknown>): ProblemSummary {
  const n = (k: string) => Number(row[k] ?? 0);
  return {
    total: n('total'),
    closed: n('closed'),
    cleared: n('cleared'),
    onTime: n('onTime'),
    overdue: n('overdue'),
    escalated: n('escalated'),
    byStatus: Object.fromEntries(STATUS_KEYS.map((s, i) => [s, n(`status${i}`)])) as Record<ProblemStatus, number>,
    byColour: Object.fromEntries(COLOUR_KEYS.map((c, i) => [c, n(`colour${i}`)])) as Record<ProblemColour, number>,
  };
}

const EMPTY = toSummary({});

/** The tally rows' summary per unit: built and compiled once per number of units (it runs on every dashboard). */
const tallySummaryQuery = reusableQuery(
  'tallySummaries',
  (
    db: Kysely<Database>,
    p: { campaignId: number | undefined; orgIds: number[]; today: string; yellowUntil: string },
  ) => {
    let q = db
      .selectFrom('problemTallies as problems')
      .select((eb) => [
        'problems.orgId',
        ...summaryColumns(
          eb,
          eb.ref('problems.n'),
          { escalated: eb('problems.escalated', '=', 1), onTime: eb('problems.onTime', '=', 1) },
          p,
        ),
      ])
      .where('problems.orgId', 'in', p.orgIds)
      .groupBy('problems.orgId');
    if (p.campaignId !== undefined) q = q.where('problems.campaignId', '=', p.campaignId);
    return q;
  },
);

/** Each unit's subtree summary from the maintained tallies: one indexed read of a few hundred rows per unit. */
export async function tallySummaries(
  db: Kysely<Database>,
  campaignId: number | undefined,
  orgIds: number[],
  dates: Dates,
): Promise<Map<number, ProblemSummary>> {
  if (!orgIds.length) return new Map();
  const rows = await tallySummaryQuery(db, {
    campaignId: campaignId || undefined,
    orgIds,
    today: dates.today,
    yellowUntil: dates.yellowUntil,
  });
  const out = new Map(orgIds.map((id) => [id, EMPTY]));
  for (const row of rows) out.set(Number(row.orgId), toSummary(row as Record<string, unknown>));
  return out;
}

/** Filters that are tally dimensions: a list filtered only by these can take its total from the tallies. */
const TALLY_FILTERS = new Set(['campaignId', 'orgPath', 'status', 'kind', 'colour', 'overdue', 'escalated', 'onTime']);

/**
 * The 问题清单's total from the maintained tallies, when every filter is a tally dimension and the caller sees
 * the whole subtree asked for (or everything, when no unit is asked for); undefined when it must be counted.
 * A status filter over a city is then a read of a few hundred rows instead of a count over 100,000.
 */
export async function tallyTotal(
  db: Kysely<Database>,
  actor: Actor,
  filter: ProblemFilter,
  dates: Dates,
): Promise<number | undefined> {
  const used = Object.entries(filter).filter(([, v]) => v !== undefined && v !== '');
  if (used.some(([k]) => !TALLY_FILTERS.has(k))) return undefined;
  if (filter.orgPath ? !coversSubtree(actor.scope, filter.orgPath) : !actor.scope.all) return undefined;
  return countInTallies(db, filter, dates);
}

/** The share of the whole campaign's matching problems that the subtree holds (for the list's query plan). */
export async function subtreeShare(
  db: Kysely<Database>,
  filter: ProblemFilter,
  subtreeTotal: number,
  dates: Dates,
): Promise<number> {
  const all = await countInTallies(db, { ...filter, orgPath: undefined }, dates);
  return all ? subtreeTotal / all : 1;
}

/** A status's (or colour's …) total from the unit's tally rows: compiled once per combination of filters. */
const tallyTotalQuery = reusableQuery(
  'tallyTotal',
  (
    db: Kysely<Database>,
    p: Pick<ProblemFilter, 'campaignId' | 'status' | 'kind' | 'escalated' | 'onTime' | 'overdue' | 'colour'> & {
      orgId: number | undefined;
    } & Dates,
  ) => {
    const { today, yellowUntil } = p;
    let q = db.selectFrom('problemTallies as problems').select((eb) => eb.fn.sum<number>('problems.n').as('n'));
    q =
      p.orgId !== undefined
        ? q.where('problems.orgId', '=', p.orgId)
        : q.where('problems.orgId', 'in', (eb) =>
            eb.selectFrom('orgUnits').select('orgUnits.id').where('orgUnits.parentId', 'is', null),
          );
    if (p.campaignId !== undefined) q = q.where('problems.campaignId', '=', p.campaignId);
    if (p.status !== undefined) q = q.where('problems.status', '=', p.status);
    if (p.kind !== undefined) q = q.where('problems.kind', '=', p.kind);
    if (p.escalated !== undefined) q = q.where('problems.escalated', '=', p.escalated ? 1 : 0);
    if (p.onTime) q = q.where('problems.onTime', '=', 1);
    if (p.overdue) q = q.where((eb) => colourPredicate(eb, 'red', today, yellowUntil));
    if (p.overdue === false) q = q.where((eb) => eb.not(colourPredicate(eb, 'red', today, yellowUntil)));
    const colour = p.colour;
    if (colour) q = q.where((eb) => colourPredicate(eb, colour, today, yellowUntil));
    return q;
  },
  { shapedBy: ['colour'] },
);

async function countInTallies(db: Kysely<Database>, filter: ProblemFilter, dates: Dates): Promise<number> {
  const { orgPath } = filter;
  const [row] = await tallyTotalQuery(db, {
    campaignId: filter.campaignId || undefined,
    status: filter.status || undefined,
    kind: filter.kind || undefined,
    escalated: filter.escalated,
    onTime: filter.onTime || undefined,
    overdue: filter.overdue,
    colour: filter.colour || undefined,
    orgId: orgPath ? unitIdOfPath(orgPath) : undefined,
    today: dates.today,
    yellowUntil: dates.yellowUntil,
  });
  return Number(row?.n ?? 0);
}
