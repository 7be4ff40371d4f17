/** The demo's 2023 党支部考核 equals a hand recount from the records, and ranks every branch, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../../testing/databases.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { today } from '../../clock.ts';
import { quartersBetween } from '../study/three-meetings.ts';

type Json = Record<string, any>;

for (const dialect of testDialects()) {
  describe(`demo assessment [${dialect}]`, () => {
    let tdb: TestDatabase;
    let app: App;
    let headers: { cookie: string };
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      await loadDemo(tdb.db, { password: 'demo1234' });
      app = await buildApp({ db: tdb.db, config: { ...loadConfig({}), databaseUrl: tdb.url } });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'office', password: 'demo1234' },
      });
      headers = { cookie: `tz_session=${res.cookies.find((c) => c.name === 'tz_session')!.value}` };
    });
    afterAll(async () => {
      await app?.close();
      await tdb?.drop();
    });

    it('ranks every branch and each part equals a recount from the ledgers', async () => {
      const db = tdb.db;
      const list = (await app.inject({ method: 'GET', url: '/api/v1/assessments', headers })).json();
      const a = list.items.find((x: Json) => x.name === '2023年度党支部考核');
      const scores = (await app.inject({ method: 'GET', url: `/api/v1/assessments/${a.id}/scores`, headers })).json();
      const branches = await db
        .selectFrom('orgUnits')
        .select(['id', 'path', 'type'])
        .where('type', '=', 'branch')
        .execute();
      expect(scores.items).toHaveLength(branches.length);
      expect(scores.unscored).toEqual([]);
      const ind = (name: string) =>
        a.areas.flatMap((x: Json) => x.indicators).find((i: Json) => i.name.startsWith(name)).id as number;
      const [attendance, missed, overdue] = [ind('集中学习出勤率'), ind('三会一课'), ind('逾期未整改问题')];

      const sessions = await db
        .selectFrom('studySessions')
        .select(['id', 'orgId', 'orgPath', 'kind', 'date', 'campaignId'])
        .where('date', '>=', a.periodFrom)
        .where('date', '<=', a.periodTo)
        .execute();
      const marks = await db.selectFrom('sessionAttendance').select(['sessionId', 'status']).execute();
      const requirements = await db
        .selectFrom('meetingRequirements')
        .selectAll()
        .where('orgType', '=', 'branch')
        .execute();
      const problems = await db
        .selectFrom('problems')
        .select(['orgPath', 'status', 'dueDate', 'createdAt', 'campaignId'])
        .execute();
      const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) + 2) / 3)}`;
      const quarters = quartersBetween(a.periodFrom, a.periodTo);
      for (const b of branches) {
        const item = scores.items.find((i: Json) => i.orgId === b.id);
        const part = (id: number) => item.parts.find((p: Json) => p.indicatorId === id);
        const mine = sessions.filter((s) => s.orgPath.startsWith(b.path) && s.campaignId === a.campaignId);
        const all = marks.filter((m) => mine.some((s) => s.id === m.sessionId));
        expect(part(attendance).value).toBeCloseTo(all.filter((m) => m.status === 'present').length / all.length, 9);
        let shortfall = 0;
        for (const q of quarters)
          for (const r of requirements) {
            const held = sessions.filter(
              (s) => s.orgId === b.id && s.kind === r.kind && quarterOf(s.date) === q,
            ).length;
            shortfall += r.perQuarter - Math.min(r.perQuarter, held);
          }
        expect(part(missed).value).toBe(shortfall);
        expect(part(missed).points).toBe(Math.max(0, 20 - 0.5 * shortfall));
        const late = problems.filter(
          (p) =>
            p.orgPath.startsWith(b.path) &&
            p.campaignId === a.campaignId &&
            p.createdAt.slice(0, 10) >= a.periodFrom &&
            p.status !== 'closed' &&
            p.dueDate !== null &&
            p.dueDate < today(),
        ).length;
        if (part(overdue).value !== null) expect(part(overdue).value).toBe(late);
        // The total is the sum of the parts (all weights 1) and each point opens its evidence.
        const sum = item.parts.reduce((s: number, p: Json) => s + (p.points ?? 0), 0);
        expect(item.score).toBeCloseTo(sum, 6);
        expect(part(attendance).evidence).toContain(`orgId=${b.id}`);
      }
      const ranks = scores.items.map((i: Json) => i.rank);
      expect(ranks[0]).toBe(1);
      expect(scores.items.every((i: Json) => i.stars >= 1 && i.stars <= 5)).toBe(true);
    });
  });
}
