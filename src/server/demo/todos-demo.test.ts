/** The demo as a newcomer meets it: every account's 工作台 opens on its to-do, and each count opens its list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../testing/databases.ts';
import { loadDemo } from './load-demo.ts';

const ACCOUNTS = ['admin', 'office', 'secretary', 'leader', 'officer', 'member', 'supervisor'];

for (const dialect of testDialects()) {
  describe(`demo to-do and messages [${dialect}]`, () => {
    let tdb: TestDatabase;
    let app: App;
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      await loadDemo(tdb.db, { password: 'demo1234' });
      app = await buildApp({ db: tdb.db, config: { ...loadConfig({}), databaseUrl: tdb.url } });
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await tdb?.drop();
    });

    const as = async (username: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password: 'demo1234' },
      });
      const cookie = `tz_session=${res.cookies.find((c) => c.name === 'tz_session')!.value}`;
      return async (url: string) => {
        const r = await app.inject({ method: 'GET', url, headers: { cookie } });
        expect(r.statusCode, r.body).toBe(200);
        return r.json();
      };
    };

    it('to-do counts equal the lists they open, for every demo account', async () => {
      for (const who of ACCOUNTS) {
        const get = await as(who);
        const counts = await get('/api/v1/todos/counts');
        const all = await get('/api/v1/todos?pageSize=200');
        expect(all.total, who).toBe(counts.total);
        for (const c of counts.counts) {
          const list = await get(`/api/v1/todos?kind=${c.kind}&pageSize=200`);
          expect(list.total, `${who} ${c.kind}`).toBe(c.count);
          expect(list.items.length).toBe(Math.min(200, c.count));
        }
      }
    });

    it('the reviewers, the officer and the member each find something waiting, and messages to read', async () => {
      const counts = async (who: string) => (await (await as(who))('/api/v1/todos/counts')).counts;
      const n = (cs: Array<{ kind: string; count: number }>, kind: string) =>
        cs.find((c) => c.kind === kind)?.count ?? 0;
      const secretary = await counts('secretary');
      expect(n(secretary, 'problem_close')).toBeGreaterThan(0);
      expect(n(secretary, 'problem_confirm')).toBeGreaterThan(0);
      expect(n(await counts('officer'), 'measure_due')).toBeGreaterThan(0);
      expect(n(await counts('member'), 'measure_due')).toBeGreaterThan(0);
      // The demo's third drawn unit is still to be checked: it waits for the supervision group.
      expect(n(await counts('supervisor'), 'check_record')).toBeGreaterThan(0);
      // No account opens its 工作台 on an empty to-do list.
      for (const who of ACCOUNTS)
        expect(
          (await counts(who)).reduce((t: number, c: { count: number }) => t + c.count, 0),
          who,
        ).toBeGreaterThan(0);
      for (const who of ['officer', 'member']) {
        const inbox = await (await as(who))('/api/v1/notifications?unread=true');
        expect(inbox.unread, who).toBeGreaterThan(0);
      }
    });
  });
}
