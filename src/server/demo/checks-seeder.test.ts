import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../testing/databases.ts';
import { loadDemo } from './load-demo.ts';
import { CHECKED_ACCOUNT } from './checks-seeder.ts';
import { runDraw } from '../modules/checks/draw.ts';
import { expectOfficialLayout } from '../testing/official-layout.ts';

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
      const verify = (await call('supervisor', `/api/v1/checks/draws/${draws.items[0].id}/verify`)).json();
      expect(verify.valid).toBe(true);
      // 验证 is a recomputation anyone can repeat: the published inputs alone give the same units.
      const again = runDraw(verify.inputs);
      expect(again.drawnOrgIds).toEqual(draws.items[0].drawnOrgIds);
      const checks = (await call('supervisor', '/api/v1/checks')).json();
      expect(checks.items.map((c: { status: string }) => c.status).sort()).toEqual(['planned', 'recorded', 'recorded']);
      const problems = (await call('office', '/api/v1/problems?source=supervision')).json();
      expect(problems.total).toBe(3);
      const bulletins = (await call('member', '/api/v1/bulletins')).json();
      expect(bulletins.items.map((b: { numberLabel: string }) => b.numberLabel).sort()).toEqual(['第1期', '第2期']);
      const docx = await call('member', bulletins.items[0].docxUrl);
      expect(docx.statusCode).toBe(200);
      expect((await call('office', '/api/v1/bulletins')).json().total).toBe(3);
      expect((await call('member', '/api/v1/exemplars?status=selected')).json().total).toBe(1);
    });

    it("the checked unit's own 支部书记 (the demo account branch) finds the two findings on their problem list", async () => {
      const me = (await call(CHECKED_ACCOUNT, '/api/v1/me')).json();
      const first = (await call('supervisor', '/api/v1/checks?status=recorded')).json().items as Array<{
        id: number;
        orgId: number;
      }>;
      const checked = first.find((c) => c.orgId === me.orgId)!;
      expect(checked, 'the account sits in a checked unit').toBeDefined();
      const mine = (await call(CHECKED_ACCOUNT, `/api/v1/problems?source=supervision`)).json();
      expect(mine.total).toBe(2);
      expect(mine.items.every((p: { orgId: number }) => p.orgId === checked.orgId)).toBe(true);
      const check = await call(CHECKED_ACCOUNT, `/api/v1/checks/${checked.id}`);
      expect(check.statusCode).toBe(200);
      expect(
        check
          .json()
          .findings.map((f: { problemId: number }) => f.problemId)
          .sort(),
      ).toEqual(mine.items.map((p: { id: number }) => p.id).sort());
      // The one check still planned stays out of its unit's sight, whoever asks there.
      const planned = (await call('supervisor', '/api/v1/checks?status=planned')).json().items[0];
      expect((await call(CHECKED_ACCOUNT, `/api/v1/checks/${planned.id}`)).statusCode).toBe(404);
    });

    it("this week's issued bulletin quotes the dashboard and downloads in the GB/T 9704 layout", async () => {
      const issued = (await call('office', '/api/v1/bulletins?status=issued')).json().items as Array<{
        id: number;
        numberLabel: string;
        title: string;
        orgId: number;
        campaignId: number;
      }>;
      const week = issued.find((b) => b.numberLabel === '第2期')!;
      const full = (await call('office', `/api/v1/bulletins/${week.id}`)).json();
      const dashboard = (
        await call('office', `/api/v1/dashboard?campaignId=${week.campaignId}&orgId=${week.orgId}`)
      ).json();
      // Compiled from the same figures a newcomer sees on the dashboard (the seeded rows counted in first).
      expect(full.figures.problems).toEqual(dashboard.problems);
      expect(full.figures.study).toEqual(dashboard.study);
      expect(full.figures.problems.total).toBeGreaterThan(3);
      const docx = await call('office', `/api/v1/bulletins/${week.id}.docx`);
      expect(docx.statusCode).toBe(200);
      const { paragraphs } = expectOfficialLayout(new Uint8Array(docx.rawPayload), {
        masthead: '主题教育工作简报',
        number: '第2期',
        title: week.title,
        distribution: ['报：市委主题教育领导小组办公室', '送：局党委班子成员', '发：局属各党组织', '（共印40份）'],
      });
      const texts = paragraphs.map((p) => p.text);
      expect(texts.some((t) => t.startsWith('编者按：'))).toBe(true);
      expect(texts).toContain('三、督导检查');
      expect(texts.some((t) => t.includes(`共查摆问题${dashboard.problems.total}个`))).toBe(true);
    });
  });
}
