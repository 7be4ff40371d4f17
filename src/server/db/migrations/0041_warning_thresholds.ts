import type { Kysely } from 'kysely';

/** 预警 (F12): the per-campaign thresholds of the warning kinds (days, shares), keyed by the kind's threshold key. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('warning_thresholds')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('warning_thresholds_pk', ['campaign_id', 'key'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
