import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { freshDatabase, testDialects } from '../testing/databases.ts';
import { shanghaiDateSql } from './shanghai-date.ts';

it.each(testDialects())('gives the Shanghai date of a stored instant on %s', async (dialect) => {
  const t = await freshDatabase(dialect);
  try {
    const at = (instant: string) =>
      sql<{ d: string }>`select ${shanghaiDateSql(dialect, sql<string>`${instant}`)} as d`
        .execute(t.db)
        .then((r) => r.rows[0].d);
    expect(await at('2026-12-02T15:30:00.000Z')).toBe('2026-12-02'); // 23:30 in Shanghai
    expect(await at('2026-12-02T16:30:00.000Z')).toBe('2026-12-03'); // 00:30 the next day
    expect(await at('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
  } finally {
    await t.drop();
  }
});
