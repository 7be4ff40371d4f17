import type { Kysely } from 'kysely';

/**
 * Who submitted a problem for 销号: the approver must be someone else (separation of duties), so the
 * submitter is kept with the submission and cleared when the problem is returned.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('problems').addColumn('submitted_by', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('problems').dropColumn('submitted_by').execute();
}
