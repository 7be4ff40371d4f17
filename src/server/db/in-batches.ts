/**
 * Values per IN list. SQLite allows 32,766 bound parameters per statement and PostgreSQL 65,535; an import
 * with 40,000 names in one IN list fails on both. Every list of caller-supplied length goes through here.
 */
export const IN_BATCH = 5_000;

/** Runs a query once per batch of `values` and concatenates the rows (nothing is run for an empty list). */
export async function inBatches<V, R>(values: readonly V[], run: (batch: V[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let at = 0; at < values.length; at += IN_BATCH) rows.push(...(await run(values.slice(at, at + IN_BATCH))));
  return rows;
}
