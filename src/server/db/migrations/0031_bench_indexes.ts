import type { Kysely } from 'kysely';

/**
 * Indexes the benchmark's query plans called for (docs/benchmark.md): a status-filtered problem list counts
 * its total from the index alone instead of reading every problem of the campaign, and joining accounts to
 * people no longer makes SQLite build a throwaway index on users.person_id for every query.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('problems_campaign_status_scope').on('problems').columns(['campaign_id', 'status', 'org_path', 'due_date']).execute();
  await db.schema.createIndex('users_person').on('users').column('person_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
