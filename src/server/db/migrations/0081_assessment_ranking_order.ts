import type { Kysely } from 'kysely';

/**
 * A final assessment's ranking page reads one peer group in rank order, ties by unit: the index holds that
 * whole order, so a page is a range read with no sort, however many units the group has.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assessment_results_ranking').execute();
  await db.schema
    .createIndex('assessment_results_ranking')
    .on('assessment_results')
    .columns(['assessment_id', 'group_key', 'rank', 'org_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
