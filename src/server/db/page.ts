import type { SelectQueryBuilder } from 'kysely';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Runs a filtered query twice: once for the page, once for the total (same filters, so they agree). */
export async function fetchPage<DB, TB extends keyof DB, O>(
  filtered: SelectQueryBuilder<DB, TB, {}>,
  select: (qb: SelectQueryBuilder<DB, TB, {}>) => SelectQueryBuilder<DB, TB, O>,
  page: number,
  pageSize: number,
): Promise<Page<O>> {
  const [items, count] = await Promise.all([
    select(filtered).limit(pageSize).offset((page - 1) * pageSize).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as O[], total: Number((count as { total: number }).total), page, pageSize };
}
