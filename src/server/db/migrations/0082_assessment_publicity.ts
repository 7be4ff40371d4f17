import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/**
 * 公示: after 定稿 the office opens a 公示 until a date; during it a unit lodges 异议 on its own score, the office
 * answers each (维持 / 调整, the adjustment kept on the objection and audited); the result becomes 最终 once the
 * 公示 has ended and every objection is answered. And 上级审核 may adjust a claim's points: the claimed figure
 * is kept beside the one that counts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessments').addColumn('publicity_from', 'text').execute();
  await db.schema.alterTable('assessments').addColumn('publicity_until', 'text').execute();
  await db.schema.alterTable('assessments').addColumn('confirmed_at', 'text').execute();
  await db.schema.alterTable('assessment_entries').addColumn('claimed_points', 'double precision').execute();

  await withStamps(
    withId(db, db.schema.createTable('assessment_objections'))
      .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
      .addColumn('indicator_id', 'integer', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('attachment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      // open → upheld (维持) / adjusted (调整)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('points_before', 'double precision')
      .addColumn('points_after', 'double precision')
      .addColumn('answered_by', 'integer')
      .addColumn('answered_at', 'text')
      .addColumn('created_by', 'integer'),
  ).execute();
  await db.schema
    .createIndex('assessment_objections_by_unit')
    .on('assessment_objections')
    .columns(['assessment_id', 'org_path'])
    .execute();
  await db.schema
    .createIndex('assessment_objections_open')
    .on('assessment_objections')
    .columns(['status', 'assessment_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_objections').execute();
  await db.schema.alterTable('assessment_entries').dropColumn('claimed_points').execute();
  for (const c of ['publicity_from', 'publicity_until', 'confirmed_at'])
    await db.schema.alterTable('assessments').dropColumn(c).execute();
}
