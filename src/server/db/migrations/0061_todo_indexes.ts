import type { Kysely } from 'kysely';

/**
 * 我的待办 asks every open record "does it wait for this caller?" on each page load and for the menu
 * counts: reviews by state inside a scope, items by their owner. These indexes keep each question a range.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('problems_todo_status').on('problems').columns(['status', 'org_path']).execute();
  await db.schema
    .createIndex('extension_requests_todo')
    .on('extension_requests')
    .columns(['status', 'problem_id'])
    .execute();
  await db.schema.createIndex('makeup_items_todo').on('makeup_items').columns(['person_id', 'status']).execute();
  await db.schema
    .createIndex('problem_measures_todo')
    .on('problem_measures')
    .columns(['owner_id', 'status', 'deadline'])
    .execute();
  await db.schema.createIndex('study_plans_todo').on('study_plans').columns(['status', 'org_path']).execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
