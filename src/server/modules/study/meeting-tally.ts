/**
 * 三会一课 behind the quarter for a whole subtree, from maintained figures: each unit is counted (its `tally`
 * key) by its type, whether it is active, its latest quarter with meetings held and what it held then, so
 * the units of a subtree that held the same fall into one row of the subtree's unit. Which of those rows
 * are behind depends on the day (the quarter and its days passed), the requirements and the shortfall, so
 * that is judged at read time over the few rows — no write is needed when the quarter turns or a
 * requirement changes. A unit whose latest quarter is before today's held nothing this quarter.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DialectName } from '../../db/connection.ts';
import { syncTallies, type TallySource } from '../../db/subtree-tally.ts';
import { MEETING_TALLY } from '../../db/tally-tables.ts';
import { quartersBetween } from './three-meetings.ts';
import { expectedSoFar, quarterSoFar } from './meetings-behind.ts';

const latestQuarter = sql`(select max(c.quarter) from study_meeting_counts c where c.org_id = s.id and c.n > 0)`;
const heldIn = (dialect: DialectName) => {
  const item = sql`c.kind || ':' || cast(c.n as text)`;
  const list =
    dialect === 'postgres'
      ? sql`string_agg(${item}, ',' order by c.kind)`
      : sql`group_concat(${item}, ',' order by c.kind)`;
  return sql`coalesce((select ${list} from study_meeting_counts c where c.org_id = s.id and c.n > 0 and c.quarter = ${latestQuarter}), '')`;
};

export const meetingTally: TallySource = {
  tally: MEETING_TALLY,
  source: 'org_units',
  org: () => sql<number>`s.id`,
  values: (dialect) => [sql`s.type`, sql`s.active`, sql`coalesce(${latestQuarter}, '')`, heldIn(dialect), sql`1`],
};

/** After units' meetings, type or active changed (inside the writer's transaction). */
export const afterUnitMeetingsChanged = (db: Kysely<Database>, orgIds: number[]) =>
  syncTallies(db, meetingTally, [...new Set(orgIds)]);

/**
 * How many active units of the subtree are short by at least `shortfall` of the meetings due so far this
 * quarter (meetingsBehindQuery's count for a caller who sees the subtree whole); undefined when some unit
 * has meetings after today's quarter (a clock set back), which only the live query judges right.
 */
export async function meetingsBehindFromTally(
  db: Kysely<Database>,
  orgId: number,
  today: string,
  shortfall: number,
): Promise<number | undefined> {
  const [rows, requirements] = await Promise.all([
    db
      .selectFrom('unitMeetingTallies')
      .select(['orgType', 'quarter', 'held', 'n'])
      .where('orgId', '=', orgId)
      .where('active', '=', 1)
      .where('n', '<>', 0)
      .execute(),
    db.selectFrom('meetingRequirements').select(['orgType', 'kind', 'perQuarter']).execute(),
  ]);
  return countMeetingsBehind(rows, requirements, today, shortfall);
}

/** A subtree unit's active tally rows judged against the requirements at `today` (the read's pure half). */
export function countMeetingsBehind(
  rows: Array<{ orgType: string; quarter: string; held: string; n: number }>,
  requirements: Array<{ orgType: string; kind: string; perQuarter: number }>,
  today: string,
  shortfall: number,
): number | undefined {
  const quarter = quartersBetween(today, today)[0];
  const q = quarterSoFar(today);
  if (rows.some((r) => r.quarter > quarter)) return undefined;
  let behind = 0;
  for (const r of rows) {
    const held = new Map(
      r.quarter === quarter && r.held
        ? r.held.split(',').map((p) => [p.slice(0, p.lastIndexOf(':')), Number(p.slice(p.lastIndexOf(':') + 1))])
        : [],
    );
    let short = 0;
    for (const req of requirements) {
      if (req.orgType !== r.orgType) continue;
      const due = expectedSoFar(Number(req.perQuarter), q.elapsed, q.length);
      short += Math.max(0, due - (held.get(req.kind) ?? 0));
    }
    if (short >= shortfall) behind += Number(r.n);
  }
  return behind;
}
