import type { Kysely } from 'kysely';

/**
 * The 三率 read the tallies in three index ranges instead of summing every row of a unit: received in the
 * period (by received_day), followed up in the period (by visit_day) and open past due (by status and
 * due_hour). Each index carries the measures it sums, so a read touches the index only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('demand_tallies_received')
    .on('demand_tallies')
    .columns(['org_id', 'campaign_id', 'received_day', 'n'])
    .execute();
  await db.schema
    .createIndex('demand_tallies_visit')
    .on('demand_tallies')
    .columns(['org_id', 'campaign_id', 'visit_day', 'valid', 'contacted', 'solved', 'satisfied', 'basically'])
    .execute();
  await db.schema
    .createIndex('demand_tallies_open')
    .on('demand_tallies')
    .columns(['org_id', 'campaign_id', 'status', 'due_hour', 'n'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
