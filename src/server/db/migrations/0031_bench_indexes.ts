import type { Kysely } from 'kysely';

/**
 * Indexes the benchmark's query plans called for (docs/benchmark.md): problem totals by status in a subtree
 * are counted from the index alone instead of reading every problem row (path before status, so a branch's
 * count stays a narrow range), and joining accounts to people no longer makes SQLite build a throwaway index
 * on users.person_id for every query.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('problems_campaign_scope_status')
    .on('problems')
    .columns(['campaign_id', 'org_path', 'status', 'due_date'])
    .execute();
  await db.schema.createIndex('users_person').ifNotExists().on('users').column('person_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
