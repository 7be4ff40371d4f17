import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../testing/databases.ts';
import { loadDemo } from './load-demo.ts';

for (const dialect of testDialects()) {
  describe(`demo 督导检查 and 简报 [${dialect}]`, () => {
    let tdb: TestDatabase;
    let app: App;
    const cookies = new Map<string, string>();
    const call = async (username: string, url: string) => {
      if (!cookies.has(username)) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username, password: 'demo1234' },
        });
        cookies.set(username, `tz_session=${res.cookies.find((c) => c.name === 'tz_session')!.value}`);
      }
      return app.inject({ method: 'GET', url, headers: { cookie: cookies.get(username)! } });
    };
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      await loadDemo(tdb.db, { password: 'demo1234' });
      app = await buildApp({ db: tdb.db, config: { ...loadConfig({}), databaseUrl: tdb.url } });
    });
    afterAll(async () => {
      await app?.close();
      await tdb?.drop();
    });

    it('a newcomer finds a verifiable draw, recorded findings on the problem list and an issued Word bulletin', async () => {
      const draws = (await call('supervisor', '/api/v1/checks/draws')).json();
      expect(draws.items).toHaveLength(1);
      expect((await call('supervisor', `/api/v1/checks/draws/${draws.items[0].id}/verify`)).json().valid).toBe(true);
      const checks = (await call('supervisor', '/api/v1/checks')).json();
      expect(checks.items.map((c: { status: string }) => c.status).sort()).toEqual(['planned', 'recorded', 'recorded']);
      const problems = (await call('office', '/api/v1/problems?source=supervision')).json();
      expect(problems.total).toBe(3);
      const bulletins = (await call('member', '/api/v1/bulletins')).json();
      expect(bulletins.items.map((b: { numberLabel: string }) => b.numberLabel)).toEqual(['第1期']);
      const docx = await call('member', bulletins.items[0].docxUrl);
      expect(docx.statusCode).toBe(200);
      expect((await call('office', '/api/v1/bulletins')).json().total).toBe(2);
      expect((await call('member', '/api/v1/exemplars?status=selected')).json().total).toBe(1);
    });
  });
}
