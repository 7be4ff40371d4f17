import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/** 理论学习: collective sessions, attendance, and the make-up items absences create. */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('study_sessions'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('hours', 'real', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('speaker', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('reading_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('speaker_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id')),
  ).execute();
  await db.schema.createIndex('study_sessions_scope').on('study_sessions').columns(['org_path', 'date']).execute();
  await db.schema
    .createIndex('study_sessions_campaign')
    .on('study_sessions')
    .columns(['campaign_id', 'org_path'])
    .execute();

  await db.schema
    .createTable('session_attendance')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('study_sessions.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('session_attendance_pk', ['session_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('session_attendance_person')
    .on('session_attendance')
    .columns(['person_id', 'status'])
    .execute();

  await withStamps(
    withId(db, db.schema.createTable('makeup_items'))
      .addColumn('session_id', 'integer', (c) => c.notNull().references('study_sessions.id').onDelete('cascade'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('made_up_date', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addUniqueConstraint('makeup_items_unique', ['session_id', 'person_id']),
  ).execute();
  await db.schema.createIndex('makeup_items_scope').on('makeup_items').columns(['org_path', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
