import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../clock.ts';
import { buildApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../testing/databases.ts';
import { loadDemo } from './load-demo.ts';

for (const dialect of testDialects()) {
  describe(`demo organisation [${dialect}]`, () => {
    let tdb: TestDatabase;
    let app: App;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-demo-'));
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      await loadDemo(tdb.db, { password: 'demo1234', dataDir });
      app = await buildApp({ db: tdb.db, config: { ...loadConfig({}), databaseUrl: tdb.url, dataDir } });
    });
    afterAll(async () => {
      await app?.close();
      await tdb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const login = async (username: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password: 'demo1234' },
      });
      expect(res.statusCode, `${username} logs in`).toBe(200);
      return { cookie: `tz_session=${res.cookies.find((c) => c.name === 'tz_session')!.value}` };
    };

    it('is a believable bureau: about 30 branches and 300 people, each unit with its 第一责任人', async () => {
      const branches = await tdb.db
        .selectFrom('orgUnits')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('type', '=', 'branch')
        .executeTakeFirstOrThrow();
      expect(Number(branches.n)).toBeGreaterThanOrEqual(28);
      expect(Number(branches.n)).toBeLessThanOrEqual(34);
      const people = await tdb.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(people.n)).toBeGreaterThanOrEqual(250);
      expect(Number(people.n)).toBeLessThanOrEqual(350);
      const headless = await tdb.db.selectFrom('orgUnits').select('name').where('secretaryId', 'is', null).execute();
      expect(headless).toEqual([]);
    });

    it('lets every demo account log in, with the scope its role implies', async () => {
      for (const u of ['admin', 'office', 'secretary', 'leader', 'officer', 'member', 'supervisor']) await login(u);
      const officer = await login('officer');
      const orgs = (await app.inject({ method: 'GET', url: '/api/v1/orgs', headers: officer })).json();
      expect(orgs.items.map((o: { name: string }) => o.name)).toEqual(['办公室党支部']);
      const office = await login('office');
      const all = (await app.inject({ method: 'GET', url: '/api/v1/orgs?pageSize=200', headers: office })).json();
      expect(all.total).toBeGreaterThan(30);
    });

    it('holds the 2023 campaign as the seeds configure it and the finished 2019 campaign', async () => {
      const rows = await tdb.db.selectFrom('campaigns').selectAll().orderBy('startDate', 'desc').execute();
      expect(rows.map((c) => c.status)).toEqual(['active', 'finished']);
      // Dated around today, so its quarters, make-ups and reminders are live.
      expect(rows[0].startDate < today() && today() < rows[0].endDate).toBe(true);
      expect(rows[0].generalRequirement).toBe('学思想、强党性、重实践、建新功');
      expect(JSON.parse(rows[0].workLines).map((w: { label: string }) => w.label)).toEqual([
        '理论学习',
        '调查研究',
        '推动发展',
        '检视整改',
        '建章立制',
      ]);
      expect(JSON.parse(rows[0].focusAreas)).toHaveLength(6);
      expect(JSON.parse(rows[0].targets)).toHaveLength(5);
      expect(rows[0].minStudyHours).toBe(32);
      expect(JSON.parse(rows[1].workLines).map((w: { label: string }) => w.label)).toEqual([
        '学习教育',
        '调查研究',
        '检视问题',
        '整改落实',
      ]);
      const readings = await tdb.db
        .selectFrom('campaignReadings')
        .select('title')
        .where('campaignId', '=', rows[0].id)
        .execute();
      expect(readings.length).toBeGreaterThanOrEqual(5);
    });

    it('has problems in every state, some overdue, one escalated, visible to the office', async () => {
      const office = await login('office');
      const list = (status: string) =>
        app
          .inject({ method: 'GET', url: `/api/v1/problems?status=${status}&pageSize=1`, headers: office })
          .then((r) => r.json().total);
      for (const status of ['draft', 'in_progress', 'submitted', 'closed'])
        expect(await list(status), status).toBeGreaterThan(0);
      const overdue = (
        await app.inject({ method: 'GET', url: '/api/v1/problems?overdue=true&pageSize=1', headers: office })
      ).json();
      expect(overdue.total).toBeGreaterThan(0);
      const escalated = (
        await app.inject({ method: 'GET', url: '/api/v1/problems?escalated=true', headers: office })
      ).json();
      expect(escalated.total).toBe(1);
    });

    it('shows each demo problem with its history, and every closed one with evidence that downloads', async () => {
      const office = await login('office');
      const closed = (
        await app.inject({ method: 'GET', url: '/api/v1/problems?status=closed&pageSize=200', headers: office })
      ).json();
      expect(closed.total).toBeGreaterThan(0);
      const first = (
        await app.inject({ method: 'GET', url: `/api/v1/problems/${closed.items[0].id}`, headers: office })
      ).json();
      expect(first.evidence).toHaveLength(1);
      const file = await app.inject({
        method: 'GET',
        url: `/api/v1/attachments/${first.evidence[0].attachmentId}`,
        headers: office,
      });
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const history = (
        await app.inject({ method: 'GET', url: `/api/v1/audit/entity/problem/${first.id}`, headers: office })
      ).json();
      expect(history.items.map((e: { action: string }) => e.action)).toEqual([
        'approve',
        'submit',
        'confirm',
        'create',
      ]);
      const audit = (await app.inject({ method: 'GET', url: '/api/v1/audit?pageSize=1', headers: office })).json();
      expect(audit.total).toBeGreaterThan(closed.total);
    });

    it("reads the seeds' ten-task summary on 推动发展, and its behind task is on 预警", async () => {
      const office = await login('office');
      const get = (url: string) => app.inject({ method: 'GET', url, headers: office }).then((r) => r.json());
      const campaign = (
        await tdb.db.selectFrom('campaigns').select('id').where('status', '=', 'active').executeTakeFirstOrThrow()
      ).id;
      const figures = await get(`/api/v1/tasks/figures?campaignId=${campaign}&topLevel=true`);
      expect(figures).toMatchObject({ total: 10, done: 2, onTrack: 7, behind: 1, notStarted: 0 });
      const behind = await get(`/api/v1/tasks?campaignId=${campaign}&topLevel=true&status=behind`);
      expect(behind.items.map((t: { title: string }) => t.title)).toEqual(['老旧小区架空缆线整治']);
      const all = (await get(`/api/v1/tasks?campaignId=${campaign}&topLevel=true`)).items as Array<{
        title: string;
        wasBehind: boolean;
        status: string;
        statusLastWeek: string | null;
        updatedThisWeek: boolean;
      }>;
      expect(all.some((t) => t.wasBehind)).toBe(true);
      // 周调度: every task has a last week; the one that caught up this week was still 滞后 then.
      expect(all.every((t) => t.statusLastWeek !== null)).toBe(true);
      // A done task has nothing left to report: only the one not updated for twelve days is 未填报.
      expect(all.filter((t) => !t.updatedThisWeek).map((t) => t.title)).toEqual(['停车秩序综合治理']);
      expect(all.find((t) => t.title === '智慧城管平台建设')).toMatchObject({
        status: 'on_track',
        statusLastWeek: 'behind',
      });
      const warnings = await get(`/api/v1/warnings?campaignId=${campaign}`);
      const count = (kind: string) => warnings.items.find((i: { kind: string }) => i.kind === kind).count;
      expect(count('task_behind')).toBeGreaterThanOrEqual(1);
      expect(count('task_stale')).toBeGreaterThanOrEqual(1);
      // One leader has not reported yet (the research seeder), and the branches hold no 支委会 in the demo: the
      // 三会一课 warning follows whenever a 支委会 is due this quarter. Each count is the list it opens.
      expect(count('research_leaders_without_report')).toBeGreaterThanOrEqual(1);
      for (const kind of ['research_leaders_without_report', 'study_meetings_behind']) {
        const item = warnings.items.find((i: { kind: string }) => i.kind === kind);
        expect((await get(item.api)).total, kind).toBe(item.count);
      }
    });
  });
}
