import type { Kysely } from 'kysely';

/**
 * Indexes the 预警 page's counts read at city scale (the whole city, every kind; measured on the bench city):
 * - 申请销号 waiting longer than N days: (campaign, state, submitted_at) walks only the waiting rows past the
 *   cutoff, covered (15 → 2 ms);
 * - (群众诉求 past their time limit: 0053_warnings_demand_overdue.ts, after the demands table exists);
 * - 集中学习未全覆盖: a session's absentees are found by (session, status) instead of its whole roster
 *   (505 → 369 ms; the kind still needs a maintained figure to meet the page's 50 ms).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('problems_waiting_acceptance')
    .on('problems')
    .columns(['campaign_id', 'status', 'submitted_at', 'org_path'])
    .execute();
  await db.schema
    .createIndex('session_attendance_status')
    .on('session_attendance')
    .columns(['session_id', 'status'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
