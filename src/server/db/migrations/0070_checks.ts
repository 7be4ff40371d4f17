import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/**
 * 督促指导 (F9): reproducible draws (pool, commitment, seed and result kept so anyone can recompute them),
 * the units a draw picked (so 不打招呼 can hide it from them in SQL), spot checks with findings, and 回避.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('check_draws'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('group_id', 'integer', (c) => c.references('supervision_groups.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('commitment', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('public_value', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('seed', 'text')
      .addColumn('pool', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('pool_hash', 'text')
      .addColumn('rule', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('roster', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('inspectors_per_unit', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('conflicts', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('result', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('drawn_at', 'text')
      .addColumn('published_at', 'text'),
  ).execute();
  await db.schema.createIndex('check_draws_scope').on('check_draws').columns(['org_path', 'campaign_id']).execute();
  await db.schema.createIndex('check_draws_creator').on('check_draws').column('created_by').execute();

  await db.schema
    .createTable('check_draw_units')
    .addColumn('draw_id', 'integer', (c) => c.notNull().references('check_draws.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
    .addPrimaryKeyConstraint('check_draw_units_pk', ['draw_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('check_draw_units_path')
    .on('check_draw_units')
    .columns(['org_path', 'draw_id'])
    .execute();

  await withStamps(
    withId(db, db.schema.createTable('spot_checks'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('group_id', 'integer', (c) => c.references('supervision_groups.id'))
      .addColumn('draw_id', 'integer', (c) => c.references('check_draws.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('inspector_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('recorded_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('spot_checks_scope')
    .on('spot_checks')
    .columns(['campaign_id', 'org_path', 'status', 'date'])
    .execute();
  await db.schema.createIndex('spot_checks_path').on('spot_checks').columns(['org_path', 'date']).execute();
  await db.schema.createIndex('spot_checks_draw').on('spot_checks').column('draw_id').execute();

  await withId(db, db.schema.createTable('spot_check_findings'))
    .addColumn('check_id', 'integer', (c) => c.notNull().references('spot_checks.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('problem_id', 'integer', (c) => c.references('problems.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('spot_check_findings_check').on('spot_check_findings').column('check_id').execute();

  await withId(db, db.schema.createTable('check_recusals'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('check_recusals_person_org')
    .on('check_recusals')
    .columns(['person_id', 'org_id'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
