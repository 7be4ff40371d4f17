import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/**
 * 简报 (F10): numbered bulletins (a number per campaign and kind, given at 签发), the 亮点 flags staff put on
 * records, and 先进典型 with their 公示 objections.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('bulletins'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('number', 'integer')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('masthead', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('editor_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('sections', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('figures', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('distribution', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('report_org_id', 'integer', (c) => c.references('org_units.id'))
      .addColumn('report_org_path', 'text', (c) => binaryText(db)(c))
      .addColumn('issued_at', 'text')
      .addColumn('issued_by', 'integer', (c) => c.references('users.id')),
  ).execute();
  await db.schema
    .createIndex('bulletins_scope')
    .on('bulletins')
    .columns(['org_path', 'campaign_id', 'status'])
    .execute();
  await db.schema.createIndex('bulletins_campaign').on('bulletins').columns(['campaign_id', 'status', 'id']).execute();
  await db.schema.createIndex('bulletins_report').on('bulletins').column('report_org_path').execute();
  await db.schema
    .createIndex('bulletins_number')
    .on('bulletins')
    .columns(['campaign_id', 'kind', 'number'])
    .unique()
    .execute();

  await withId(db, db.schema.createTable('highlights'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('highlights_scope')
    .on('highlights')
    .columns(['campaign_id', 'org_path', 'date'])
    .execute();
  await db.schema
    .createIndex('highlights_entity')
    .on('highlights')
    .columns(['entity_type', 'entity_id'])
    .unique()
    .execute();

  await withStamps(
    withId(db, db.schema.createTable('exemplars'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('person_id', 'integer', (c) => c.references('people.id'))
      .addColumn('nominee_org_id', 'integer', (c) => c.references('org_units.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('deeds', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('level_org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('level_org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('honour', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('notice_from', 'text')
      .addColumn('notice_to', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer', (c) => c.references('users.id')),
  ).execute();
  await db.schema
    .createIndex('exemplars_scope')
    .on('exemplars')
    .columns(['campaign_id', 'org_path', 'status'])
    .execute();
  await db.schema.createIndex('exemplars_level').on('exemplars').columns(['level_org_path', 'status']).execute();

  await withId(db, db.schema.createTable('exemplar_objections'))
    .addColumn('exemplar_id', 'integer', (c) => c.notNull().references('exemplars.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('upheld', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('handled_at', 'text')
    .execute();
  await db.schema.createIndex('exemplar_objections_exemplar').on('exemplar_objections').column('exemplar_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
