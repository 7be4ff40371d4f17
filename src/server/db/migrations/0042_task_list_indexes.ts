import type { Kysely } from 'kysely';

/**
 * Indexes the 推动发展 list and the 预警 page need at city scale (20,000 tasks, 5,000 branches):
 * - the 重点任务 list is read in 完成时限 order within a campaign, top-level tasks or all: walked in index
 *   order, a page costs its rows instead of a sort of the whole campaign;
 * - "no collective session for N days" asks each 党支部 whether it held a session in a date range: one probe
 *   of (unit, date) per branch instead of a walk of the campaign's sessions per branch.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('tasks_campaign_list')
    .on('tasks')
    // Covering the status columns as well: the figures of top-level tasks (parent_id is null) read this index
    // alone, where a narrower one would send each of the campaign's rows to the table.
    .columns([
      'campaign_id',
      'parent_id',
      'end_date',
      'id',
      'org_path',
      'done',
      'start_date',
      'behind_from',
      'red_from',
      'yellow_from',
      'last_activity_on',
    ])
    .execute();
  await db.schema.createIndex('study_sessions_org_date').on('study_sessions').columns(['org_id', 'date']).execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
