import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDialects, type TestDatabase } from '../testing/databases.ts';
import { mapParam, reusableQuery } from './reusable-query.ts';

type Params = { parentId: number | undefined; ids: number[]; name: string; active: boolean };

/** A query whose SQL depends on every kind of shape: an optional filter, an `in` list, a boolean branch. */
function unitsQuery(db: Kysely<any>, p: Params) {
  let q = db
    .selectFrom('rqItems')
    .select(['id', 'name', 'parentId'])
    .where('id', 'in', p.ids.length ? p.ids : [-1])
    .where('name', '>=', p.name)
    .orderBy('id');
  if (p.parentId !== undefined) q = q.where('parentId', '=', p.parentId);
  if (p.active) q = q.where('active', '=', 1);
  return q;
}

describe.each(testDialects())('reusableQuery (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    // A table of the test's own: the helper is about SQL shapes, not about any module's schema.
    await t.db.schema
      .createTable('rq_items')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'integer')
      .addColumn('active', 'integer', (c) => c.notNull())
      .execute();
    for (let i = 1; i <= 12; i++)
      await (t.db as Kysely<any>)
        .insertInto('rqItems')
        .values({
          id: i,
          name: `单位${String.fromCharCode(64 + i)}`,
          parentId: i % 3 === 1 ? null : i - (i % 3) + 1,
          active: i % 4 ? 1 : 0,
        })
        .execute();
  });
  afterAll(() => t.drop());

  it('answers what the query built afresh answers, for every shape and value', async () => {
    const reusable = reusableQuery('units', unitsQuery);
    const ids = [...Array(12).keys()].map((i) => i + 1);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          parentId: fc.option(fc.constantFrom(...ids), { nil: undefined }),
          ids: fc.subarray(ids),
          name: fc.constantFrom('', '单位C', '单位H', '单位Z'),
          active: fc.boolean(),
        }),
        async (p) => {
          expect(await reusable(t.db, p)).toEqual(await unitsQuery(t.db, p).execute());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('binds values derived from a parameter (mapParam) for each call, chained or not', async () => {
    const inRange = (db: Kysely<any>, p: { from: string; days: number }) =>
      db
        .selectFrom('rqItems')
        .select('id')
        .where('name', '>=', p.from)
        // The next character code after the last one: an upper bound worked out in JavaScript, bound per call.
        .where(
          'name',
          '<',
          mapParam(
            mapParam(p.from, (f) => f.slice(0, -1)),
            (f) => `${f}\uffff`,
          ),
        )
        .where(
          'id',
          '>',
          mapParam(p.days, (d) => d - 1),
        )
        .orderBy('id');
    const reusable = reusableQuery('range', inRange);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ from: fc.constantFrom('单位A', '单位', '单位H', 'x'), days: fc.integer({ min: 0, max: 13 }) }),
        async (p) => {
          expect(await reusable(t.db, p)).toEqual(await inRange(t.db, p).execute());
        },
      ),
      { numRuns: 30 },
    );
  });

  it('runs inside a transaction with the values of the call', async () => {
    const reusable = reusableQuery('units', unitsQuery);
    const p = { parentId: undefined, ids: [3, 5], name: '', active: false };
    const rows = await t.db.transaction().execute((trx) => reusable(trx, p));
    expect(rows.map((r) => r.id)).toEqual([3, 5]);
  });

  it('refuses a builder that writes a value into the SQL text or branches on it', async () => {
    const inlined = reusableQuery('inlined', (db: Kysely<any>, p: { name: string }) =>
      db
        .selectFrom('rqItems')
        .select('id')
        .where(sql`name`, '=', sql.lit(`${p.name}`)),
    );
    await expect(inlined(t.db, { name: '单位A' })).rejects.toThrow(/name/);
    const branched = reusableQuery('branched', (db: Kysely<any>, p: { name: string }) =>
      p.name === '单位A'
        ? db.selectFrom('rqItems').select('id').where('id', '=', 1)
        : db.selectFrom('rqItems').select('id').where('name', '=', p.name),
    );
    await expect(branched(t.db, { name: '单位A' })).rejects.toThrow(/SQL 随参数值变化/);
  });
});
