import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { pathInSubtree } from '../../db/scope.ts';
import { fetchPage } from '../../db/page.ts';
import { orgVisible } from '../orgs/public.ts';
import { quartersBetween } from './three-meetings.ts';

const DAY = 86_400_000;
const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));

/** The quarter holding a day: its first day, and how many of its days have passed (today included) of how many. */
export function quarterSoFar(day: string): { from: string; elapsed: number; length: number } {
  const y = Number(day.slice(0, 4));
  const firstMonth = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3; // 0, 3, 6, 9
  const start = Date.UTC(y, firstMonth, 1);
  const end = Date.UTC(y, firstMonth + 3, 1);
  return {
    from: new Date(start).toISOString().slice(0, 10),
    elapsed: Math.round((utc(day) - start) / DAY) + 1,
    length: Math.round((end - start) / DAY),
  };
}

/**
 * How many of a quarter's required meetings should have been held by now (序时): the requirement in
 * proportion to the days passed, rounded down — a monthly 支委会 (3 a quarter) is due once a month has
 * passed, a quarterly 党课 by the quarter's last day.
 */
export const expectedSoFar = (perQuarter: number, elapsed: number, length: number) =>
  Math.floor((perQuarter * elapsed) / length);

/**
 * Units of a subtree (in the caller's scope) behind their quarter's 三会一课: for each required meeting kind,
 * the meetings due so far (expectedSoFar) against those held this quarter up to today, short by at least
 * `shortfall` in all. One row per unit with its figures — the 预警 "三会一课 behind its quarter" and the list it opens.
 */
export function meetingsBehindQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: { orgPath: string; today: string; shortfall: number },
) {
  const q = quarterSoFar(filter.today);
  // This quarter's meetings held, per unit and kind, as kept by every session write (meeting-counts.ts);
  // a session is never dated after the day it is recorded, so they are the quarter's up to today.
  const held = db
    .selectFrom('studyMeetingCounts as c')
    .select(['c.orgId', 'c.kind', 'c.n'])
    .where('c.quarter', '=', quartersBetween(filter.today, filter.today)[0])
    .as('h');
  // Integer arithmetic on both databases (the day counts are inlined integers).
  const due = sql<number>`(r.per_quarter * ${sql.lit(q.elapsed)}) / ${sql.lit(q.length)}`;
  const n = sql<number>`coalesce(h.n, 0)`;
  const units = db
    .selectFrom('orgUnits')
    .innerJoin('meetingRequirements as r', 'r.orgType', 'orgUnits.type')
    .leftJoin(held, (j) => j.onRef('h.orgId', '=', 'orgUnits.id').onRef('h.kind', '=', 'r.kind'))
    .where('orgUnits.active', '=', 1)
    .where((eb) => pathInSubtree(eb, 'orgUnits.path', filter.orgPath))
    .where(orgVisible(actor.scope))
    .select([
      'orgUnits.id',
      'orgUnits.name',
      'orgUnits.path',
      sql<number>`sum(${due})`.as('due'),
      sql<number>`sum(case when ${n} < ${due} then ${n} else ${due} end)`.as('held'),
    ])
    .groupBy(['orgUnits.id', 'orgUnits.name', 'orgUnits.path'])
    .having(sql<number>`sum(case when ${n} < ${due} then ${due} - ${n} else 0 end)`, '>=', filter.shortfall)
    .as('b');
  return db.selectFrom(units);
}

/** A page of the units behind, in tree order, each with the meetings due so far and held this quarter. */
export async function meetingsBehindPage(
  db: Kysely<Database>,
  actor: Actor,
  filter: { orgPath: string; today: string; shortfall: number },
  page: number,
  pageSize: number,
) {
  const q = quarterSoFar(filter.today);
  const rows = await fetchPage(
    meetingsBehindQuery(db, actor, filter),
    (qb) => qb.select(['b.id', 'b.name', 'b.due', 'b.held']).orderBy('b.path'),
    page,
    pageSize,
  );
  return {
    ...rows,
    items: rows.items.map((r) => ({
      id: Number(r.id),
      name: r.name,
      due: Number(r.due),
      held: Number(r.held),
      detail: `本季度（${q.from} 起）应召开 ${Number(r.due)} 次，已召开 ${Number(r.held)} 次`,
    })),
  };
}
