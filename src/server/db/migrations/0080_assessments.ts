import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/**
 * 考核: an assessment per period over a unit's subtree, its indicator tree (领域 → 指标), the manual 加分/扣分 and
 * 一票否决 entries with evidence, and the frozen result rows written when it is finalised (定稿).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('assessments'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
      // JSON: the peer groups (org types) and the star levels.
      .addColumn('groups', 'text', (c) => c.notNull())
      .addColumn('star_levels', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('scored_on', 'text')
      .addColumn('finalised_at', 'text')
      .addColumn('created_by', 'integer'),
  ).execute();
  await db.schema.createIndex('assessments_scope').on('assessments').columns(['org_path', 'campaign_id']).execute();

  await withId(db, db.schema.createTable('assessment_indicators'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('max_points', 'double precision', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('rule', 'text')
    .execute();
  await db.schema
    .createIndex('assessment_indicators_by_assessment')
    .on('assessment_indicators')
    .columns(['assessment_id', 'sort_order'])
    .execute();

  await withStamps(
    withId(db, db.schema.createTable('assessment_entries'))
      .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
      .addColumn('indicator_id', 'integer', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('points', 'double precision', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('attachment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('review_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer'),
  ).execute();
  await db.schema
    .createIndex('assessment_entries_by_unit')
    .on('assessment_entries')
    .columns(['assessment_id', 'org_path'])
    .execute();

  await db.schema
    .createTable('assessment_results')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('rank', 'integer')
    .addColumn('group_size', 'integer', (c) => c.notNull())
    .addColumn('stars', 'integer')
    .addColumn('vetoed', 'integer', (c) => c.notNull())
    .addColumn('parts', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_results_pk', ['assessment_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('assessment_results_ranking')
    .on('assessment_results')
    .columns(['assessment_id', 'group_key', 'rank'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
