import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/** 检视整改: attachments, calendar overrides, special items, problems, measures, progress, evidence, extensions. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('attachments'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('org_path', 'text', (c) => binaryText(db)(c))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_sha').on('attachments').column('sha256').execute();

  await withId(db, db.schema.createTable('calendar_overrides'))
    .addColumn('date', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withStamps(
    withId(db, db.schema.createTable('special_items'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('lead_org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('description', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();

  await withStamps(
    withId(db, db.schema.createTable('problems'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('person_id', 'integer', (c) => c.references('people.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('root_causes', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('root_cause_analysis', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('effect', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('return_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('escalated_from_id', 'integer', (c) => c.references('problems.id'))
      .addColumn('special_item_id', 'integer', (c) => c.references('special_items.id'))
      .addColumn('institution_id', 'integer')
      .addColumn('source_ref_type', 'text')
      .addColumn('source_ref_id', 'integer')
      .addColumn('due_date', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id')),
  ).execute();
  await db.schema
    .createIndex('problems_scope_status_due')
    .on('problems')
    .columns(['org_path', 'status', 'due_date'])
    .execute();
  await db.schema.createIndex('problems_campaign_scope').on('problems').columns(['campaign_id', 'org_path']).execute();
  await db.schema.createIndex('problems_escalated_from').on('problems').column('escalated_from_id').execute();
  await db.schema.createIndex('problems_status_due').on('problems').columns(['status', 'due_date']).execute();

  await withStamps(
    withId(db, db.schema.createTable('problem_measures'))
      .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('leader_id', 'integer', (c) => c.references('people.id'))
      .addColumn('owner_org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('owner_id', 'integer', (c) => c.references('people.id'))
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('done_at', 'text'),
  ).execute();
  await db.schema.createIndex('problem_measures_problem').on('problem_measures').column('problem_id').execute();
  await db.schema.createIndex('problem_measures_owner').on('problem_measures').column('owner_id').execute();

  await withId(db, db.schema.createTable('measure_progress'))
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('problem_measures.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measure_progress_measure').on('measure_progress').column('measure_id').execute();

  await withId(db, db.schema.createTable('problem_evidence'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('measure_id', 'integer', (c) => c.references('problem_measures.id').onDelete('cascade'))
    .addColumn('attachment_id', 'integer', (c) => c.notNull().references('attachments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('problem_evidence_problem').on('problem_evidence').column('problem_id').execute();

  await withId(db, db.schema.createTable('extension_requests'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('problem_measures.id').onDelete('cascade'))
    .addColumn('current_deadline', 'text', (c) => c.notNull())
    .addColumn('requested_deadline', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('extension_requests_problem').on('extension_requests').column('problem_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
