import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/**
 * 站内消息, reminder claims and group robots (F15). A reminder claim's unique key (source, item, step,
 * recipient) is written in the transaction that writes the message, so a reminder is sent once however many
 * app nodes run the schedule; a robot's lease columns let one node at a time drain its outbox.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('link', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('org_path', 'text', (c) => binaryText(db)(c))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at', 'id']).execute();
  await db.schema.createIndex('notifications_age').on('notifications').column('created_at').execute();

  await withId(db, db.schema.createTable('reminder_claims'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    // 0 stands for "the unit's group robots", so one robot message per item and step is claimed the same way.
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminder_claims_once', ['source', 'item_id', 'step', 'user_id'])
    .execute();

  await withStamps(
    withId(db, db.schema.createTable('reminder_rules'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().unique().references('campaigns.id'))
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('before_days', 'integer', (c) => c.notNull())
      .addColumn('chief_after_days', 'integer', (c) => c.notNull())
      .addColumn('up_after_days', 'integer', (c) => c.notNull()),
  ).execute();

  await withStamps(
    withId(db, db.schema.createTable('webhooks'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url_enc', 'text', (c) => c.notNull())
      .addColumn('url_hint', 'text', (c) => c.notNull())
      .addColumn('secret_enc', 'text')
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('broken_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('lease_until', 'text')
      .addColumn('lease_by', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id')),
  ).execute();
  await db.schema.createIndex('webhooks_scope').on('webhooks').columns(['org_path', 'status']).execute();

  await withId(db, db.schema.createTable('webhook_deliveries'))
    .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('digest_id', 'integer')
    .addColumn('errcode', 'integer')
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_sent')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'sent_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
