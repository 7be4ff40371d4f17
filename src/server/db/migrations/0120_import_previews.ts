import type { Kysely } from 'kysely';
import { isPostgres, withId } from './helpers.ts';

/**
 * Import previews (issue 15): one row per uploaded ledger — who uploaded it, how it was read and mapped, its
 * progress, errors and result — and the uploaded bytes beside it in import_files, so a re-check after a
 * mapping change or the confirm can read the file again. The bytes live in the database rather than the data
 * directory: their lifetime is the preview's (deleted in the same statement, nothing orphaned by a crash), the
 * database may sit on another host than a second app process, and they are transient (dropped when the
 * preview is done or failed). remembered mappings: what a user chose for a layout, per ledger, layout
 * signature and unit (or user without a unit).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('import_previews'))
    .addColumn('owner_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('ledger', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.references('campaigns.id'))
    .addColumn('target_id', 'integer')
    .addColumn('file_name', 'text', (c) => c.notNull())
    /** preview: the two-step wizard; direct: the one-step route (kept for its idempotency key and result). */
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_total', 'integer')
    .addColumn('sheets', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('mapping', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('resolutions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('record_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'text', (c) => c.notNull().defaultTo('{"blank":0,"total":0}'))
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ambiguities', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('result', 'text')
    .addColumn('message', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_previews_owner')
    .on('import_previews')
    .columns(['owner_user_id', 'mode', 'ledger', 'id'])
    .execute();
  // Unique per user: the same key twice is the same request (NULLs — no key — never collide).
  await db.schema
    .createIndex('import_previews_idempotency')
    .on('import_previews')
    .columns(['owner_user_id', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema.createIndex('import_previews_status').on('import_previews').columns(['status']).execute();

  await db.schema
    .createTable('import_files')
    .addColumn('preview_id', 'integer', (c) => c.primaryKey().references('import_previews.id').onDelete('cascade'))
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('import_mappings'))
    .addColumn('ledger', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    /** 'org:<id>' for a user with a unit, 'user:<id>' otherwise. */
    .addColumn('owner_key', 'text', (c) => c.notNull())
    /** JSON: header text as read → field key, or null for 忽略. */
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_mappings_key')
    .on('import_mappings')
    .columns(['ledger', 'signature', 'owner_key'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_mappings').execute();
  await db.schema.dropTable('import_files').execute();
  await db.schema.dropTable('import_previews').execute();
}
