import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/** 学习计划: a unit's or a member's study plan, reviewed (审核把关) by the unit's 第一责任人. */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('study_plans'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('person_id', 'integer', (c) => c.references('people.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('review_note', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema.createIndex('study_plans_scope').on('study_plans').columns(['org_path', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
