import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { reusableQuery } from '../../db/reusable-query.ts';
import { syncTally, type TallySource } from '../../db/subtree-tally.ts';
import { STUDY_TALLY } from '../../db/tally-tables.ts';
import type { StudySummary } from '../../../shared/dashboard.ts';
import { syncMeetingCount } from './meeting-counts.ts';
import { afterUnitMeetingsChanged } from './meeting-tally.ts';

export type { StudySummary };

/** Over the session aliased `s`: some absentee has neither attended nor made up (not 全覆盖). */
const notCovered = sql`exists (select 1 from session_attendance a left join makeup_items m on m.session_id = a.session_id and m.person_id = a.person_id
      where a.session_id = s.id and a.status = 'absent' and (m.status is null or m.status <> 'done'))`;

/**
 * How a collective session is counted, by campaign, kind and — when it is not 全覆盖 — its day: one session,
 * its attendees, those present, its open make-ups, and whether some absentee has neither attended nor made up
 * (not 全覆盖) — the rules of studyFigures in figures.ts. The day lets 预警 count the sessions still uncovered
 * after the make-up period from the tally (uncoveredSessionsUpTo).
 */
export const studyTally: TallySource = {
  tally: STUDY_TALLY,
  source: 'study_sessions',
  values: () => [
    sql`s.campaign_id`,
    sql`s.kind`,
    sql`case when ${notCovered} then s.date else '' end`,
    sql`1`,
    sql`(select count(*) from session_attendance a where a.session_id = s.id)`,
    sql`(select count(*) from session_attendance a where a.session_id = s.id and a.status = 'present')`,
    sql`(select count(*) from makeup_items m where m.session_id = s.id and m.status = 'open')`,
    sql`case when ${notCovered} then 1 else 0 end`,
  ],
};

/** After a session, its attendance or one of its make-ups changed (inside the writer's transaction). */
export async function afterSessionWrite(trx: Kysely<Database>, sessionId: number): Promise<void> {
  await syncTally(trx, studyTally, sessionId);
  await afterUnitMeetingsChanged(trx, await syncMeetingCount(trx, sessionId));
}

const EMPTY: StudySummary = { sessions: 0, attendanceRate: 0, coverage: 0, uncoveredSessions: 0, openMakeups: 0 };

/** The tally rows' sums per unit: built and compiled once per number of units (it runs on every dashboard). */
const studyTallyQuery = reusableQuery(
  'studyTallySummaries',
  (db: Kysely<Database>, p: { campaignId: number | undefined; orgIds: number[] }) => {
    let q = db
      .selectFrom('studyTallies')
      .select((eb) => [
        'orgId',
        eb.fn.sum<number>('sessions').as('sessions'),
        eb.fn.sum<number>('attendees').as('attendees'),
        eb.fn.sum<number>('present').as('present'),
        eb.fn.sum<number>('openMakeups').as('openMakeups'),
        eb.fn.sum<number>('uncovered').as('uncovered'),
      ])
      .where('orgId', 'in', p.orgIds)
      .groupBy('orgId');
    if (p.campaignId !== undefined) q = q.where('campaignId', '=', p.campaignId);
    return q;
  },
);

/** Each unit's subtree study figures from the maintained tallies (rates 0–1). */
export async function studyTallySummaries(
  db: Kysely<Database>,
  campaignId: number | undefined,
  orgIds: number[],
): Promise<Map<number, StudySummary>> {
  if (!orgIds.length) return new Map();
  const rows = await studyTallyQuery(db, { campaignId: campaignId || undefined, orgIds });
  const out = new Map(orgIds.map((id) => [id, EMPTY]));
  for (const r of rows) {
    const [sessions, attendees, present, uncovered] = [r.sessions, r.attendees, r.present, r.uncovered].map(Number);
    out.set(Number(r.orgId), {
      sessions,
      attendanceRate: attendees ? present / attendees : 0,
      coverage: sessions ? (sessions - uncovered) / sessions : 0,
      uncoveredSessions: uncovered,
      openMakeups: Number(r.openMakeups),
    });
  }
  return out;
}

/**
 * Sessions of the unit's subtree not 全覆盖 held on or before `to` (of one campaign, or all): one indexed read
 * of the unit's own tally rows — what sessionQuery's `uncovered` filter counts for a caller who sees the
 * subtree whole.
 */
export async function uncoveredSessionsUpTo(
  db: Kysely<Database>,
  orgId: number,
  campaignId: number | undefined,
  to: string,
): Promise<number> {
  let q = db
    .selectFrom('studyTallies')
    .select((eb) => eb.fn.sum<number>('uncovered').as('n'))
    .where('orgId', '=', orgId)
    .where('uncoveredOn', '>', '')
    .where('uncoveredOn', '<=', to);
  if (campaignId) q = q.where('campaignId', '=', campaignId);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}
