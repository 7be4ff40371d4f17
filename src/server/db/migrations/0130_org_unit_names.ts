import type { Kysely } from 'kysely';

/**
 * Ledger imports name units (所在单位, 牵头单位, 承办单位): each import looks every name up once, so the names
 * need an index (a city has thousands of units; the lookup is an IN list over them).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('org_units_name').on('org_units').columns(['name', 'path']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('org_units_name').execute();
}
