import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/** 建章立制: institutions (立/改/废) and the problems they answer. */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('institutions'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('issued_date', 'text')
      .addColumn('attachment_id', 'integer', (c) => c.references('attachments.id'))
      .addColumn('source_ref_type', 'text')
      .addColumn('source_ref_id', 'integer')
      .addColumn('created_by', 'integer', (c) => c.references('users.id')),
  ).execute();
  await db.schema.createIndex('institutions_scope').on('institutions').columns(['org_path', 'status']).execute();
  await db.schema
    .createTable('institution_problems')
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id').onDelete('cascade'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('institution_problems_pk', ['institution_id', 'problem_id'])
    .execute();
  await db.schema.createIndex('institution_problems_problem').on('institution_problems').column('problem_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
