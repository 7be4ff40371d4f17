/**
 * SQL of the imports module: previews (always the owner's own: another user's preview is not found), their
 * uploaded bytes and the remembered mappings. Nothing else in the module touches these tables.
 */
import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { nowIso } from '../../clock.ts';
import type { ImportTables } from './tables.ts';
import { WAITING, WORKING } from './lifecycle.ts';

export type PreviewRow = Selectable<ImportTables['importPreviews']>;
export type PreviewChanges = Updateable<ImportTables['importPreviews']>;

/** The previews a user comes back to: the latest few. */
export const RECENT_PREVIEWS = 20;

export async function ownPreview(db: Db, ownerUserId: number, id: number): Promise<PreviewRow | undefined> {
  return db
    .selectFrom('importPreviews')
    .selectAll()
    .where('id', '=', id)
    .where('ownerUserId', '=', ownerUserId)
    .executeTakeFirst();
}

/** The preview (or one-step import) a user sent this idempotency key with, if any. */
export async function previewByKey(db: Db, ownerUserId: number, key: string): Promise<PreviewRow | undefined> {
  return db
    .selectFrom('importPreviews')
    .selectAll()
    .where('ownerUserId', '=', ownerUserId)
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

export async function recentPreviews(db: Db, ownerUserId: number, ledger?: string): Promise<PreviewRow[]> {
  let q = db
    .selectFrom('importPreviews')
    .selectAll()
    .where('ownerUserId', '=', ownerUserId)
    .where('mode', '=', 'preview');
  if (ledger) q = q.where('ledger', '=', ledger);
  return q.orderBy('id', 'desc').limit(RECENT_PREVIEWS).execute();
}

export async function insertPreview(
  db: Db,
  row: {
    ownerUserId: number;
    ledger: string;
    campaignId: number | null;
    targetId: number | null;
    fileName: string;
    mode: 'preview' | 'direct';
    status: string;
    idempotencyKey?: string | null;
  },
  bytes?: Uint8Array,
): Promise<PreviewRow> {
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('importPreviews')
      .values({ ...row, idempotencyKey: row.idempotencyKey ?? null, createdAt: now, updatedAt: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (bytes)
      await trx
        .insertInto('importFiles')
        .values({ previewId: inserted.id, content: Buffer.from(bytes) })
        .execute();
    return inserted;
  });
}

/**
 * Updates a preview, only while it is in one of `from` (so two workers or two confirms cannot both move it);
 * true when it was updated.
 */
export async function updatePreview(db: Db, id: number, changes: PreviewChanges, from?: string[]): Promise<boolean> {
  let q = db
    .updateTable('importPreviews')
    .set({ ...changes, updatedAt: nowIso() })
    .where('id', '=', id);
  if (from) q = q.where('status', 'in', from);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function previewFile(db: Db, id: number): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('importFiles').select('content').where('previewId', '=', id).executeTakeFirst();
  return row ? new Uint8Array(row.content) : undefined;
}

export async function dropPreviewFile(db: Db, id: number): Promise<void> {
  await db.deleteFrom('importFiles').where('previewId', '=', id).execute();
}

export async function deletePreview(db: Db, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('importFiles').where('previewId', '=', id).execute();
    await trx.deleteFrom('importPreviews').where('id', '=', id).execute();
  });
}

/**
 * At start: a preview some earlier process was working on will never be finished by it, so it is failed
 * (its writes, if it was confirming, were one transaction and rolled back with that process).
 */
export async function failInterrupted(db: Db, message: string): Promise<number> {
  const result = await db
    .updateTable('importPreviews')
    .set({ status: 'failed', message, updatedAt: nowIso() })
    .where('status', 'in', WORKING)
    .executeTakeFirst();
  await dropFailedFiles(db);
  return Number(result.numUpdatedRows);
}

/** Previews left waiting since before `cutoff` (ISO instant) expire: failed with `message`, their files dropped. */
export async function expireWaiting(db: Db, cutoff: string, message: string): Promise<number> {
  const result = await db
    .updateTable('importPreviews')
    .set({ status: 'failed', message, updatedAt: nowIso() })
    .where('status', 'in', WAITING)
    .where('updatedAt', '<', cutoff)
    .executeTakeFirst();
  await dropFailedFiles(db);
  return Number(result.numUpdatedRows);
}

async function dropFailedFiles(db: Db): Promise<void> {
  await db
    .deleteFrom('importFiles')
    .where('previewId', 'in', db.selectFrom('importPreviews').select('id').where('status', '=', 'failed'))
    .execute();
}

export async function rememberedMapping(
  db: Db,
  ledger: string,
  signature: string,
  ownerKey: string,
): Promise<Record<string, string | null> | undefined> {
  const row = await db
    .selectFrom('importMappings')
    .select('mapping')
    .where('ledger', '=', ledger)
    .where('signature', '=', signature)
    .where('ownerKey', '=', ownerKey)
    .executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as Record<string, string | null>) : undefined;
}

export async function rememberMapping(
  db: Db,
  ledger: string,
  signature: string,
  ownerKey: string,
  mapping: Record<string, string | null>,
): Promise<void> {
  const values = { ledger, signature, ownerKey, mapping: JSON.stringify(mapping), updatedAt: nowIso() };
  await db
    .insertInto('importMappings')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['ledger', 'signature', 'ownerKey'])
        .doUpdateSet({ mapping: values.mapping, updatedAt: values.updatedAt }),
    )
    .execute();
}
