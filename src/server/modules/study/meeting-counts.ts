/**
 * 三会一课 held per unit, kind and quarter (migration 0140): each session counts once under its own unit,
 * kind and the quarter of its date, and keeps that key in `meeting_key`; a write moves the session's one
 * from the old key to the new in the writer's transaction. Not rolled up the tree: whether a unit is behind
 * is judged per unit (meetings-behind.ts), the subtree is a range over the units.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AnyKysely } from '../../db/untyped.ts';
import { quarterOf } from './three-meetings.ts';

const keyOf = sql<string>`cast(org_id as text) || '|' || kind || '|' || ${quarterOf('date')}`;

async function add(db: AnyKysely, key: string, by: number) {
  const [orgId, kind, quarter] = key.split('|');
  await sql`insert into study_meeting_counts (org_id, quarter, kind, n) values (${Number(orgId)}, ${quarter}, ${kind}, ${by})
    on conflict (org_id, quarter, kind) do update set n = study_meeting_counts.n + excluded.n`.execute(db);
}

/** After a session was written (inside the writer's transaction); answers the units whose counts changed. */
export async function syncMeetingCount(db: Kysely<Database>, sessionId: number): Promise<number[]> {
  const { rows } = await sql<{
    old: string | null;
    next: string;
  }>`select meeting_key as old, ${keyOf} as next from study_sessions where id = ${sessionId}`.execute(db);
  const r = rows[0];
  if (!r || r.old === r.next) return [];
  if (r.old) await add(db, r.old, -1);
  await add(db, r.next, 1);
  await sql`update study_sessions set meeting_key = ${r.next} where id = ${sessionId}`.execute(db);
  return [r.old, r.next].flatMap((k) => (k ? [Number(k.split('|')[0])] : []));
}

/** Recounts from the sessions (at start-up, when sessions were written around the sync). */
export async function rebuildMeetingCounts(db: AnyKysely): Promise<void> {
  await sql`update study_sessions set meeting_key = ${keyOf}`.execute(db);
  await sql`delete from study_meeting_counts`.execute(db);
  await sql`insert into study_meeting_counts (org_id, quarter, kind, n)
    select org_id, ${quarterOf('date')}, kind, count(*) from study_sessions group by org_id, ${quarterOf('date')}, kind`.execute(
    db,
  );
}

/** Whether some session was written without being counted. */
export async function meetingCountsStale(db: AnyKysely): Promise<boolean> {
  const { rows } = await sql`select 1 as x from study_sessions where meeting_key is null limit 1`.execute(db);
  return rows.length > 0;
}
