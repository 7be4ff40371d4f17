import { sql, type Kysely } from 'kysely';

/**
 * The study tally gains a dimension: the day of a session not 全覆盖 ('' for a covered one), so 预警's
 * "未全覆盖 after the make-up period" for a whole subtree is one indexed read of the unit's tally rows
 * instead of a scan of its sessions and their attendance. The key of every session changes shape, so the
 * tally is emptied and every session marked uncounted: the start-up check rebuilds it (tallies.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('study_tallies')
    .addColumn('uncovered_on', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.dropIndex('study_tallies_key').execute();
  await db.schema
    .createIndex('study_tallies_key')
    .unique()
    .on('study_tallies')
    .columns(['org_id', 'campaign_id', 'kind', 'uncovered_on'])
    .execute();
  await sql`delete from study_tallies`.execute(db);
  await sql`update study_sessions set tally = null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
