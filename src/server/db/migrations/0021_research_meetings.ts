import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/** 调查研究 (topics, visits, four-part reports) and 专题民主生活会 / 组织生活会 with their items. */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('research_topics'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('leader_id', 'integer', (c) => c.notNull().references('people.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('plan', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('recommended', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('review_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('situation', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('problems', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('analysis', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('measures', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('reported_at', 'text'),
  ).execute();
  await db.schema.createIndex('research_topics_scope').on('research_topics').columns(['org_path', 'status']).execute();
  await db.schema.createIndex('research_topics_leader').on('research_topics').column('leader_id').execute();

  await withId(db, db.schema.createTable('research_visits'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('research_topics.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('met', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('findings', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('problem_id', 'integer', (c) => c.references('problems.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('research_visits_topic').on('research_visits').column('topic_id').execute();

  await withStamps(
    withId(db, db.schema.createTable('life_meetings'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('attendee_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('material_attachment_id', 'integer', (c) => c.references('attachments.id')),
  ).execute();
  await db.schema.createIndex('life_meetings_scope').on('life_meetings').columns(['org_path', 'date']).execute();

  await withId(db, db.schema.createTable('life_meeting_items'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('life_meetings.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('to_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('problem_id', 'integer', (c) => c.references('problems.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('life_meeting_items_meeting').on('life_meeting_items').column('meeting_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
