import { beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDb } from './testing/harness.ts';
import { fixtureCampaign } from './testing/fixture.ts';
import { type FuzzRequest, hostileRequests, operationsOf, prng } from './testing/fuzz-inputs.ts';

/** Requests per operation and caller: enough to reach every field of most operations, cheap enough for CI. */
const PER_OPERATION = Number(process.env.FUZZ_PER_OPERATION || 4);
/** Tables a refused request may still touch: login attempts (counted before checking) and sessions. */
const BOOKKEEPING = new Set(['login_attempts', 'sessions', 'kysely_migration', 'kysely_migration_lock']);

describeEachDb('fuzz over every operation of the OpenAPI document', (h) => {
  beforeAll(async () => {
    await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  /** Row count of every table (except bookkeeping): a refused request changes none of them. */
  async function tableCounts(): Promise<Record<string, number>> {
    const tables = (await h().db.introspection.getTables()).map((t) => t.name).filter((n) => !BOOKKEEPING.has(n));
    const counts: Record<string, number> = {};
    for (const name of tables)
      counts[name] = Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(h().db)).rows[0].n,
      );
    return counts;
  }

  it('answers every hostile request below 500 and changes no table, as admin and as member', {
    timeout: 600_000,
  }, async () => {
    const doc = h().app.swagger() as unknown as Parameters<typeof operationsOf>[0];
    const operations = operationsOf(doc).filter((op) => !(op.path === '/api/v1/session' && op.method === 'DELETE'));
    const before = await tableCounts();
    const failures: string[] = [];
    let tried = 0;
    let writesAccepted = 0;
    for (const user of ['admin', 'member']) {
      const random = prng(user === 'admin' ? 17 : 71);
      const cookie = await h().cookie(user);
      for (const op of operations) {
        for (const req of hostileRequests(op, PER_OPERATION, random) as FuzzRequest[]) {
          tried++;
          const started = Date.now();
          const res = await h().app.inject({
            method: req.method as 'GET',
            url: req.url,
            payload: req.payload,
            headers: { ...req.headers, cookie },
          });
          if (process.env.FUZZ_SLOW && Date.now() - started > 300)
            console.info(`slow ${Date.now() - started} ms: ${req.method} ${req.url.slice(0, 80)} ${req.what}`);
          if (res.statusCode >= 500)
            failures.push(
              `${user} ${req.method} ${req.url.slice(0, 80)} (${req.what}) → ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
          else if (req.method !== 'GET' && res.statusCode < 300) {
            writesAccepted++;
            failures.push(`${user} ${req.method} ${req.url.slice(0, 80)} (${req.what}) accepted: ${res.statusCode}`);
          }
        }
      }
    }
    console.info(
      `fuzz [${h().dialect}]: ${operations.length} operations, ${tried} requests, ${failures.length - writesAccepted} × 5xx, ${writesAccepted} writes accepted`,
    );
    expect(failures).toEqual([]);
    expect(await tableCounts()).toEqual(before);
    expect(tried).toBeGreaterThan(operations.length);
  });
});
