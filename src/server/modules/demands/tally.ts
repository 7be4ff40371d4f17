/**
 * The maintained 三率 (db/subtree-tally.ts): each demand adds to one DEMAND_TALLY row of every unit on the path
 * of the unit it counts for — the handling unit, or the intake unit while it waits for dispatch, as the list's
 * subtree filter (inSubtree) has it. Days are Shanghai days, so a period of whole days reads exactly the rows
 * the list's instant bounds (startOfDay) select; overdue is judged at read time: the tallies count every hour
 * already past, the demands_due / demands_accept_due indexes the few falling due in the current hour.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DialectName } from '../../db/connection.ts';
import { DEMAND_TALLY } from '../../db/tally-tables.ts';
import { pathInSubtree } from '../../db/scope.ts';
import { syncTallies, type TallySource } from '../../db/subtree-tally.ts';
import { reusableQuery } from '../../db/reusable-query.ts';
import type { RawCounts } from './rates.ts';

/** Stands for "no open deadline": sorts after every hour. */
export const NO_DUE_HOUR = '9999';
const OPEN = ['dispatched', 'accepted'];

function shanghaiDay(dialect: DialectName, column: RawBuilder<unknown>) {
  return dialect === 'postgres'
    ? sql<string>`to_char((${column})::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
    : sql<string>`strftime('%Y-%m-%d', ${column}, '+8 hours')`;
}

/** The instant the stage a demand is in falls due (overduePredicate: 签收 or 办理, whichever comes first). */
const stageDue = sql<string>`case
  when s.status = 'dispatched' then case when s.accept_due_at is null then s.due_at
    when s.due_at is null or s.accept_due_at < s.due_at then s.accept_due_at else s.due_at end
  when s.status = 'accepted' then s.due_at end`;

const visited = (then: RawBuilder<unknown>) => sql`case when s.visited_at is not null and ${then} then 1 else 0 end`;

export const demandTally: TallySource = {
  tally: DEMAND_TALLY,
  source: 'demands',
  org: () => sql<number>`coalesce(s.org_id, s.intake_org_id)`,
  values: (dialect) => [
    sql`coalesce(s.campaign_id, 0)`,
    shanghaiDay(dialect, sql`s.received_at`),
    sql`case when s.visited_at is null then '' else ${shanghaiDay(dialect, sql`s.visited_at`)} end`,
    sql`s.status`,
    sql`coalesce(substr(${stageDue}, 1, 13), ${NO_DUE_HOUR})`,
    sql`1`,
    visited(sql`1 = 1`),
    visited(sql`s.contacted = 1`),
    visited(sql`s.solved = 1`),
    visited(sql`s.satisfaction = 'satisfied'`),
    visited(sql`s.satisfaction = 'basically'`),
  ],
};

/** Re-counts demands after a write, inside the writer's transaction. */
export const afterDemandWrite = (trx: Kysely<Database>, ids: number[]) => syncTallies(trx, demandTally, ids);

export interface TalliedCounts {
  received: number;
  overdue: number;
  counts: RawCounts;
}

const EMPTY: TalliedCounts = {
  received: 0,
  overdue: 0,
  counts: { valid: 0, contacted: 0, solved: 0, satisfied: 0, basically: 0 },
};

interface TallyParams extends Record<string, unknown> {
  ids: number[];
  campaignId: number | undefined;
  from: string;
  to: string;
  hour: string;
}

// Three index ranges (migration 0054), each summing only the rows it needs, built and compiled once per shape.
const tallyRows = (db: Kysely<Database>, p: TallyParams) =>
  db
    .selectFrom('demandTallies as t')
    .where('t.orgId', 'in', p.ids)
    .$if(p.campaignId !== undefined, (qb) => qb.where('t.campaignId', '=', p.campaignId!))
    .groupBy('t.orgId');
const receivedQuery = reusableQuery('demand-tally-received', (db: Kysely<Database>, p: TallyParams) =>
  tallyRows(db, p)
    .where('t.receivedDay', '>=', p.from)
    .where('t.receivedDay', '<=', p.to)
    .select((eb) => ['t.orgId', eb.fn.sum<number>('t.n').as('n')]),
);
const visitsQuery = reusableQuery('demand-tally-visits', (db: Kysely<Database>, p: TallyParams) =>
  tallyRows(db, p)
    .where('t.visitDay', '>=', p.from)
    .where('t.visitDay', '<=', p.to)
    .select((eb) => [
      't.orgId',
      eb.fn.sum<number>('t.valid').as('valid'),
      eb.fn.sum<number>('t.contacted').as('contacted'),
      eb.fn.sum<number>('t.solved').as('solved'),
      eb.fn.sum<number>('t.satisfied').as('satisfied'),
      eb.fn.sum<number>('t.basically').as('basically'),
    ]),
);
const overdueQuery = reusableQuery('demand-tally-overdue', (db: Kysely<Database>, p: TallyParams) =>
  tallyRows(db, p)
    .where('t.status', 'in', OPEN)
    .where('t.dueHour', '<', p.hour)
    .select((eb) => ['t.orgId', eb.fn.sum<number>('t.n').as('n')]),
);

/**
 * Each unit's subtree counts for a period of whole Shanghai days, from the tallies: received in the period,
 * followed up in the period (the 三率's raw counts) and overdue at `now`. For a caller who sees the subtrees.
 */
export async function talliedCounts(
  db: Kysely<Database>,
  q: { campaignId?: number; units: Array<{ id: number; path: string }>; from: string; to: string; now: string },
): Promise<Map<number, TalliedCounts>> {
  const out = new Map<number, TalliedCounts>(q.units.map((u) => [u.id, EMPTY]));
  if (!q.units.length) return out;
  const hour = q.now.slice(0, 13);
  const n = (v: unknown) => Number(v ?? 0);
  const params = { ids: q.units.map((u) => u.id), campaignId: q.campaignId, from: q.from, to: q.to, hour };
  const [received, visits, overdue, thisHour] = await Promise.all([
    receivedQuery(db, params),
    visitsQuery(db, params),
    overdueQuery(db, params),
    overdueThisHour(db, q),
  ]);
  const at = (id: unknown) => out.get(Number(id))!;
  for (const r of received) out.set(Number(r.orgId), { ...at(r.orgId), received: n(r.n) });
  for (const r of visits)
    out.set(Number(r.orgId), {
      ...at(r.orgId),
      counts: {
        valid: n(r.valid),
        contacted: n(r.contacted),
        solved: n(r.solved),
        satisfied: n(r.satisfied),
        basically: n(r.basically),
      },
    });
  for (const r of overdue) out.set(Number(r.orgId), { ...at(r.orgId), overdue: n(r.n) });
  for (const [id, extra] of thisHour) {
    const c = out.get(id)!;
    out.set(id, { ...c, overdue: c.overdue + extra });
  }
  return out;
}

/**
 * Demands of one unit's subtree overdue at `now`, from the tallies (the hours already past) and the due
 * indexes (this hour): demandQuery's `overdue` count for a caller who sees the subtree whole.
 */
export async function talliedOverdue(
  db: Kysely<Database>,
  q: { campaignId?: number; unit: { id: number; path: string }; now: string },
): Promise<number> {
  const params = { ids: [q.unit.id], campaignId: q.campaignId, from: '', to: '', hour: q.now.slice(0, 13) };
  const [rows, thisHour] = await Promise.all([
    overdueQuery(db, params),
    overdueThisHour(db, { campaignId: q.campaignId, units: [q.unit], now: q.now }),
  ]);
  return Number(rows[0]?.n ?? 0) + (thisHour.get(q.unit.id) ?? 0);
}

interface HourParams extends Record<string, unknown> {
  paths: string[];
  campaignId: number | undefined;
  start: string;
  now: string;
}

/** Open demands of the subtrees whose 办理 or 签收 deadline lies in [start, now): the due indexes, a few rows. */
const hourWindow = (column: 'demands.dueAt' | 'demands.acceptDueAt') => (db: Kysely<Database>, p: HourParams) =>
  db
    .selectFrom('demands')
    .select(['demands.id', 'demands.orgPath', 'demands.status', 'demands.dueAt', 'demands.acceptDueAt'])
    .where('demands.status', 'in', OPEN)
    .where(column, '>=', p.start)
    .where(column, '<', p.now)
    .where((eb) => eb.or(p.paths.map((path) => pathInSubtree(eb, 'demands.orgPath', path))))
    .$if(p.campaignId !== undefined, (qb) => qb.where('demands.campaignId', '=', p.campaignId!))
    .limit(100_000);
const dueThisHour = reusableQuery('demand-due-this-hour', hourWindow('demands.dueAt'));
const acceptDueThisHour = reusableQuery('demand-accept-due-this-hour', hourWindow('demands.acceptDueAt'));

/**
 * Open demands whose stage fell due earlier in the current hour (the tallies count them from the next hour
 * on): read through the due indexes, a few rows, then matched to the subtrees asked for.
 */
async function overdueThisHour(
  db: Kysely<Database>,
  q: { campaignId?: number; units: Array<{ id: number; path: string }>; now: string },
): Promise<Map<number, number>> {
  const params = {
    paths: q.units.map((u) => u.path),
    campaignId: q.campaignId,
    start: `${q.now.slice(0, 13)}:00:00.000Z`,
    now: q.now,
  };
  const start = params.start;
  const [byDue, byAccept] = await Promise.all([dueThisHour(db, params), acceptDueThisHour(db, params)]);
  const out = new Map<number, number>();
  const seen = new Set<number>();
  for (const d of [...byDue, ...byAccept]) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    const dues = (d.status === 'dispatched' ? [d.acceptDueAt, d.dueAt] : [d.dueAt]).filter(
      (x): x is string => x !== null,
    );
    const due = dues.sort()[0];
    // Counted here only when its stage fell due this hour; an earlier hour is already in the tallies.
    if (!due || due < start || due >= q.now) continue;
    for (const u of q.units) if (d.orgPath?.startsWith(u.path)) out.set(u.id, (out.get(u.id) ?? 0) + 1);
  }
  return out;
}
