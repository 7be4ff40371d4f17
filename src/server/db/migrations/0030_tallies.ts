import type { Kysely } from 'kysely';

/**
 * Maintained figures (db/subtree-tally.ts): per unit subtree, problems counted by what the dashboard and
 * the colours need, study sessions summed by kind. `tally` on each source row is the key it was counted
 * under; NULL means "not counted yet" and makes the next start-up recount.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('problem_tallies')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // '9999-12-31' when the problem has no open deadline: never overdue, never due soon — like NULL in the colour rule.
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('escalated', 'integer', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('problem_tallies_key')
    .unique()
    .on('problem_tallies')
    .columns(['org_id', 'campaign_id', 'status', 'kind', 'due_date', 'escalated', 'on_time'])
    .execute();
  await db.schema
    .createTable('study_tallies')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull())
    .addColumn('attendees', 'integer', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('open_makeups', 'integer', (c) => c.notNull())
    .addColumn('uncovered', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('study_tallies_key')
    .unique()
    .on('study_tallies')
    .columns(['org_id', 'campaign_id', 'kind'])
    .execute();
  await db.schema.alterTable('problems').addColumn('tally', 'text').execute();
  await db.schema.alterTable('study_sessions').addColumn('tally', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
