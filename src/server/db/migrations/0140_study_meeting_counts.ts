import type { Kysely } from 'kysely';

/**
 * 三会一课 held per unit, meeting kind and quarter ("2026-Q4"), kept by every session write
 * (study/meeting-counts.ts), so 预警 "三会一课 behind its quarter" reads one row per unit and kind instead of
 * grouping the quarter's sessions. Each session keeps the key it was counted under; none has one yet, so the
 * start-up check builds the counts (tallies.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('study_meeting_counts')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('study_meeting_counts_key')
    .unique()
    .on('study_meeting_counts')
    .columns(['org_id', 'quarter', 'kind'])
    .execute();
  await db.schema.alterTable('study_sessions').addColumn('meeting_key', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
