import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/**
 * 接诉即办: the category catalogue with its time limits, citizen demands with their raw follow-up counts
 * (so any 三率 formula can be recomputed), their history, co-handlers, public photos, the versioned rate
 * configuration, and the keys of platforms that post through Open311.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('demand_categories'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('group_name', 'text', (c) => c.notNull())
      .addColumn('accept_hours', 'integer', (c) => c.notNull())
      .addColumn('handle_limit', 'integer', (c) => c.notNull())
      .addColumn('handle_unit', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await withStamps(
    withId(db, db.schema.createTable('demands'))
      .addColumn('campaign_id', 'integer', (c) => c.references('campaigns.id'))
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('intake_org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('intake_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('org_id', 'integer', (c) => c.references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c))
      .addColumn('first_org_id', 'integer', (c) => c.references('org_units.id'))
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('lat', 'real')
      .addColumn('long', 'real')
      .addColumn('cell', 'text')
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('dispatched_at', 'text')
      .addColumn('accept_due_at', 'text')
      .addColumn('return_due_at', 'text')
      .addColumn('accepted_at', 'text')
      .addColumn('due_at', 'text')
      .addColumn('extension_days', 'integer')
      .addColumn('extension_reason', 'text')
      .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('answered_at', 'text')
      .addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('visited_at', 'text')
      .addColumn('contacted', 'integer')
      .addColumn('solved', 'integer')
      .addColumn('satisfaction', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('close_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('repeat_of', 'integer', (c) => c.references('demands.id'))
      .addColumn('repeat_flag', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('problem_id', 'integer', (c) => c.references('problems.id'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id')),
  ).execute();
  // The list and the figures read a subtree's range by handling unit; intake-only rows by intake unit.
  await db.schema.createIndex('demands_org').on('demands').columns(['org_path', 'status', 'due_at']).execute();
  await db.schema.createIndex('demands_intake').on('demands').columns(['intake_path', 'status']).execute();
  await db.schema.createIndex('demands_visited').on('demands').columns(['org_path', 'visited_at']).execute();
  await db.schema.createIndex('demands_received').on('demands').columns(['received_at']).execute();
  // The repeat check: same category, a 3×3 block of spatial cells, recent first.
  await db.schema.createIndex('demands_repeat').on('demands').columns(['category', 'cell', 'received_at']).execute();
  await db.schema.createIndex('demands_address').on('demands').columns(['category', 'address']).execute();
  await db.schema.createIndex('demands_phone').on('demands').columns(['phone', 'received_at']).execute();
  await db.schema.createIndex('demands_repeat_of').on('demands').column('repeat_of').execute();

  await withId(db, db.schema.createTable('demand_events'))
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('demands.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demand_events_demand').on('demand_events').columns(['demand_id', 'id']).execute();

  await db.schema
    .createTable('demand_co_handlers')
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('demands.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
    .addPrimaryKeyConstraint('demand_co_handlers_pk', ['demand_id', 'org_id'])
    .execute();
  await db.schema.createIndex('demand_co_handlers_path').on('demand_co_handlers').column('org_path').execute();

  await withId(db, db.schema.createTable('demand_photos'))
    .addColumn('demand_id', 'integer', (c) => c.references('demands.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demand_photos_demand').on('demand_photos').column('demand_id').execute();

  // Versioned by the period they apply from: a closed month keeps the weights it was scored with.
  await withId(db, db.schema.createTable('demand_rate_configs'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('response_weight', 'real', (c) => c.notNull())
    .addColumn('resolution_weight', 'real', (c) => c.notNull())
    .addColumn('satisfaction_weight', 'real', (c) => c.notNull())
    .addColumn('basically_factor', 'real', (c) => c.notNull())
    .addColumn('month_start_day', 'integer', (c) => c.notNull())
    .addColumn('repeat_distance_m', 'integer', (c) => c.notNull())
    .addColumn('repeat_window_days', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('demand_rate_configs_campaign')
    .on('demand_rate_configs')
    .columns(['campaign_id', 'effective_from'])
    .execute();

  await withId(db, db.schema.createTable('open311_keys'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
