import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { AnyKysely } from './untyped.ts';

/** Bind parameters per statement: well under SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMS_PER_STATEMENT = 8_000;

/** How many rows like this one fit in one statement. */
export const rowsPerStatement = (row: object) =>
  Math.max(1, Math.floor(PARAMS_PER_STATEMENT / Math.max(1, Object.keys(row).length)));

/**
 * Inserts rows with multi-row INSERTs, a few thousand bind parameters at a time (imports, generators).
 * Returns the new ids in row order: both databases hand ids out in VALUES order within a statement, and
 * the ids are sorted because RETURNING itself promises no order.
 */
export async function insertMany(
  db: Kysely<Database>,
  table: keyof Database & string,
  rows: object[],
  options: { returnIds?: boolean } = {},
): Promise<number[]> {
  if (!rows.length) return [];
  const size = rowsPerStatement(rows[0]);
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const insert = (db as AnyKysely).insertInto(table).values(rows.slice(i, i + size));
    if (options.returnIds === false) await insert.execute();
    else
      ids.push(
        ...((await insert.returning('id').execute()) as Array<{ id: number }>)
          .map((r) => Number(r.id))
          .sort((a, b) => a - b),
      );
  }
  return ids;
}
