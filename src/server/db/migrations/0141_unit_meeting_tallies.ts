import type { Kysely } from 'kysely';

/**
 * 三会一课 per subtree, maintained (study/meeting-tally.ts): every unit adds one to a row of every unit on its
 * path, keyed by its type, whether it is active, its latest quarter with meetings held and what it held then
 * ("kind:n,…"), so 预警 "三会一课 behind its quarter" for a whole city judges a few hundred such rows instead of
 * every unit. The unit keeps the key it was counted under in its new `tally` column; none has one yet, so
 * the start-up check builds the tally (tallies.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_meeting_tallies')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('org_type', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('held', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unit_meeting_tallies_key')
    .unique()
    .on('unit_meeting_tallies')
    .columns(['org_id', 'org_type', 'active', 'quarter', 'held'])
    .execute();
  await db.schema.alterTable('org_units').addColumn('tally', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
