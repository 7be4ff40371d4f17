import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/** 民生实事: the practical matters promised to the public, and their progress notes with evidence. */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('matters'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('owner_id', 'integer', (c) => c.references('people.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('done_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id')),
  ).execute();
  await db.schema.createIndex('matters_scope').on('matters').columns(['org_path', 'status', 'due_date']).execute();
  await db.schema.createIndex('matters_public').on('matters').columns(['published', 'campaign_id']).execute();
  await withId(db, db.schema.createTable('matter_progress'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matters.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'integer', (c) => c.references('attachments.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('matter_progress_matter').on('matter_progress').columns(['matter_id', 'date']).execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
