import type { Kysely } from 'kysely';

/**
 * Maintained 三率 (db/subtree-tally.ts, DEMAND_TALLY): per unit subtree, demands counted by the day received,
 * the day followed up, status and the hour the open stage falls due, so a city's or a district's figures are
 * a read of a few thousand rows instead of a count over a million demands. `tally` on each demand is the key
 * it was counted under (NULL: not yet counted, the next start-up recounts). The two due indexes count the
 * current hour's overdue demands exactly (the tallies know only the hour).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demand_tallies')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('received_day', 'text', (c) => c.notNull())
    .addColumn('visit_day', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_hour', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('contacted', 'integer', (c) => c.notNull())
    .addColumn('solved', 'integer', (c) => c.notNull())
    .addColumn('satisfied', 'integer', (c) => c.notNull())
    .addColumn('basically', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('demand_tallies_key')
    .unique()
    .on('demand_tallies')
    .columns(['org_id', 'campaign_id', 'received_day', 'visit_day', 'status', 'due_hour'])
    .execute();
  await db.schema.alterTable('demands').addColumn('tally', 'text').execute();
  await db.schema.createIndex('demands_due').on('demands').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('demands_accept_due').on('demands').columns(['status', 'accept_due_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
