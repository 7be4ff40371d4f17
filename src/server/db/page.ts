import type { SelectQueryBuilder } from 'kysely';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Runs a filtered query twice: once for the page, once for the total (same filters, so they agree). A total
 * already known exactly (a maintained figure for the same filters) skips the count.
 */
export async function fetchPage<DB, TB extends keyof DB, O>(
  // biome-ignore lint/complexity/noBannedTypes: Kysely's own type for a query with nothing selected yet
  filtered: SelectQueryBuilder<DB, TB, {}>,
  // biome-ignore lint/complexity/noBannedTypes: as above
  select: (qb: SelectQueryBuilder<DB, TB, {}>) => SelectQueryBuilder<DB, TB, O>,
  page: number,
  pageSize: number,
  knownTotal?: number,
): Promise<Page<O>> {
  const [items, total] = await Promise.all([
    select(filtered)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    knownTotal ??
      filtered
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow()
        .then((c) => Number((c as { total: number }).total)),
  ]);
  return { items: items as O[], total, page, pageSize };
}
