import type { Kysely } from 'kysely';
import { nowIso } from '../clock.ts';
import { versionConflict } from '../errors.ts';
import type { Database } from './schema.ts';
import type { AnyKysely } from './untyped.ts';

type VersionedTable = {
  [K in keyof Database]: Database[K] extends { id: unknown; version: unknown; updatedAt: string } ? K : never;
}[keyof Database];

/**
 * Updates a row only if its version is still the one the caller saw, bumping it; a stale version is a 409.
 * The caller has already loaded the row in scope, so "no row" here means someone else changed it.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  id: number,
  version: number,
  values: Record<string, unknown>,
): Promise<{ version: number; updatedAt: string }> {
  const stamp = { version: version + 1, updatedAt: nowIso() };
  const result = await (db as AnyKysely)
    .updateTable(table as string)
    .set({ ...values, ...stamp })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw versionConflict();
  // What the row now holds besides `values`, so a writer can answer without reading it back.
  return stamp;
}

/** 409 before any write when the caller's version is already stale. */
export function checkVersion(current: number, sent: number): void {
  if (current !== sent) throw versionConflict();
}
