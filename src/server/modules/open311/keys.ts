import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const hash = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

/** The active key an api_key names, or undefined. */
export function keyFor(db: Kysely<Database>, apiKey: string) {
  return db
    .selectFrom('open311Keys')
    .select(['id', 'name'])
    .where('keyHash', '=', hash(apiKey))
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** A new key: the secret is returned once; only its hash is stored. */
export async function issueKey(db: Kysely<Database>, name: string, userId: number, at: string) {
  const key = `o311_${crypto.randomBytes(24).toString('base64url')}`;
  const row = await db
    .insertInto('open311Keys')
    .values({ name, keyHash: hash(key), createdBy: userId, createdAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}

export function listKeys(db: Kysely<Database>) {
  return db.selectFrom('open311Keys').select(['id', 'name', 'active', 'createdAt']).orderBy('id').limit(200).execute();
}

export function revokeKey(db: Kysely<Database>, id: number) {
  return db.updateTable('open311Keys').set({ active: 0 }).where('id', '=', id).executeTakeFirst();
}
