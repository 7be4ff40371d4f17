/**
 * Scores equal a hand recount from the records for the demo on both databases: every indicator of the demo's
 * 2023 党支部考核, for every branch (those behind on 三会一课 among them), recounted with plain SQL over the raw
 * tables (sessions, attendance, make-ups, problems and their measures, entries) and the rules written out by
 * hand — neither the maintained figures nor the scoring code. Then 定稿 freezes it: later records change nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../../testing/databases.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { today } from '../../clock.ts';

type Json = Record<string, any>;
const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, max: number) => Math.min(max, Math.max(0, x));
const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) + 2) / 3)}`;
/** Rows of a raw query, numbers as numbers (PostgreSQL answers counts as strings). */
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

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
    const get = async (url: string) => (await app.inject({ method: 'GET', url, headers })).json();

    it('Scores equal a hand recount from the records for the demo on both databases', async () => {
      const db = tdb.db;
      const a = (await get('/api/v1/assessments')).items.find((x: Json) => x.name === '2023年度党支部考核');
      const scores = await get(`/api/v1/assessments/${a.id}/scores`);
      const indicators: Json[] = a.areas.flatMap((x: Json) => x.indicators);
      expect(indicators).toHaveLength(8);
      const ind = (name: string) => indicators.find((i) => i.name.startsWith(name))!.id as number;
      const { from, to } = { from: a.periodFrom as string, to: a.periodTo as string };
      const day = today();

      const branches = (
        await sql<{ id: number; path: string }>`select id, path from org_units where type = 'branch'`.execute(db)
      ).rows.map((r) => ({ id: Number(r.id), path: r.path }));
      expect(scores.items).toHaveLength(branches.length);
      expect(scores.unscored).toEqual([]);
      // Each session of the campaign in the period with its counts, straight from the attendance and make-ups.
      const sessions = (
        await sql<Json>`select s.id, s.org_id as org, s.org_path as opath, s.kind, s.date as day, s.campaign_id as camp,
            (select count(*) from session_attendance t where t.session_id = s.id) as marked,
            (select count(*) from session_attendance t where t.session_id = s.id and t.status = 'present') as present,
            (select count(*) from makeup_items m where m.session_id = s.id and m.status = 'open') as open,
            (select count(*) from session_attendance t where t.session_id = s.id and t.status = 'absent'
              and not exists (select 1 from makeup_items m where m.session_id = t.session_id
                and m.person_id = t.person_id and m.status = 'done')) as uncovered
          from study_sessions s where s.date >= ${from} and s.date <= ${to}`.execute(db)
      ).rows;
      const requirements = (
        await sql<Json>`select kind, per_quarter as per from meeting_requirements where org_type = 'branch'`.execute(db)
      ).rows;
      const problems = (
        await sql<Json>`select p.org_path as opath, p.status, p.due_date as due,
            (select count(*) from problem_measures m where m.problem_id = p.id
              and substr(m.done_at, 1, 10) > m.deadline) as late
          from problems p where p.campaign_id = ${a.campaignId}
            and substr(p.created_at, 1, 10) >= ${from} and substr(p.created_at, 1, 10) <= ${to}`.execute(db)
      ).rows;
      const entries = (
        await sql<Json>`select org_id as org, indicator_id as ind, points from assessment_entries
          where assessment_id = ${a.id} and status = 'accepted'`.execute(db)
      ).rows;
      const quarters = [...new Set([from, to].map(quarterOf))];

      let behind = 0;
      for (const b of branches) {
        const item = scores.items.find((i: Json) => i.orgId === b.id);
        const part = (id: number) => item.parts.find((p: Json) => p.indicatorId === id);
        const mine = sessions.filter((s) => s.opath.startsWith(b.path) && num(s.camp) === a.campaignId);
        const sum = (k: string) => mine.reduce((n, s) => n + Number(s[k]), 0);
        // 集中学习出勤率: present ÷ marked, 0 points at 60%, 15 at 95%.
        const rate = sum('present') / sum('marked');
        expect(part(ind('集中学习出勤率')).value).toBeCloseTo(rate, 9);
        expect(part(ind('集中学习出勤率')).points).toBe(round2(clamp((15 * (rate - 0.6)) / 0.35, 15)));
        // 全覆盖: sessions where every absentee made up ÷ sessions, 0 at 0, 15 at 80%.
        const covered = mine.filter((s) => Number(s.uncovered) === 0).length / mine.length;
        expect(part(ind('学习全覆盖')).value).toBeCloseTo(covered, 9);
        expect(part(ind('学习全覆盖')).points).toBe(round2(clamp((15 * covered) / 0.8, 15)));
        // 补学清零: 1 point off each open make-up, of 10.
        expect(part(ind('补学清零')).value).toBe(sum('open'));
        expect(part(ind('补学清零')).points).toBe(clamp(10 - sum('open'), 10));
        // 三会一课: the unit's own meetings of any campaign, per quarter and kind up to the requirement.
        let missed = 0;
        for (const q of quarters)
          for (const r of requirements) {
            const held = sessions.filter((s) => num(s.org) === b.id && s.kind === r.kind && quarterOf(s.day) === q);
            missed += Number(r.per) - Math.min(Number(r.per), held.length);
          }
        if (missed > 0) behind++;
        expect(part(ind('三会一课')).value).toBe(missed);
        expect(part(ind('三会一课')).points).toBe(clamp(20 - 0.5 * missed, 20));
        // 问题按期整改率: closed with no measure done late ÷ (closed + overdue); steps 12/20/26/30 at 0/50/70/90%.
        const raised = problems.filter((p) => p.opath.startsWith(b.path));
        const overdue = raised.filter((p) => p.status !== 'closed' && p.due !== null && p.due < day).length;
        const closed = raised.filter((p) => p.status === 'closed');
        const judged = closed.length + overdue;
        const onTime = judged ? closed.filter((p) => Number(p.late) === 0).length / judged : null;
        const stepPoints = (v: number) => (v >= 0.9 ? 30 : v >= 0.7 ? 26 : v >= 0.5 ? 20 : 12);
        if (onTime === null) expect(part(ind('问题按期整改率')).value).toBeNull();
        else expect(part(ind('问题按期整改率')).value).toBeCloseTo(onTime, 9);
        expect(part(ind('问题按期整改率')).points).toBe(onTime === null ? 0 : stepPoints(onTime));
        // 逾期未整改问题: 2 points off each, of 10.
        expect(part(ind('逾期未整改问题')).value).toBe(overdue);
        expect(part(ind('逾期未整改问题')).points).toBe(clamp(10 - 2 * overdue, 10));
        // 党建创新项目: the accepted 加分 entries, at most 10; 违纪违法: no entry, no veto.
        const bonus = entries
          .filter((e) => num(e.org) === b.id && num(e.ind) === ind('党建创新项目'))
          .reduce((n, e) => n + Number(e.points), 0);
        expect(part(ind('党建创新项目')).points).toBe(clamp(bonus, 10));
        expect(entries.some((e) => num(e.org) === b.id && num(e.ind) === ind('发生违纪违法问题'))).toBe(false);
        expect(part(ind('发生违纪违法问题')).points).toBeNull();
        expect(item.vetoed).toBe(false);
        // The total is the parts' sum (all weights 1), each part opens its evidence.
        const total = item.parts.reduce((s: number, p: Json) => s + (p.points ?? 0), 0);
        expect(item.score).toBeCloseTo(total, 6);
        expect(part(ind('集中学习出勤率')).evidence).toContain(`orgId=${b.id}`);
      }
      // A few branches are behind on 三会一课, most are not; ties share a rank.
      expect(behind).toBeGreaterThanOrEqual(1);
      expect(behind).toBeLessThan(branches.length / 2);
      for (const item of scores.items)
        expect(item.rank).toBe(1 + scores.items.filter((o: Json) => o.score > item.score).length);
      expect(scores.items.every((i: Json) => i.stars >= 1 && i.stars <= 5)).toBe(true);
    });

    it('a frozen snapshot does not change when the records change afterwards', async () => {
      const db = tdb.db;
      const a = (await get('/api/v1/assessments')).items.find((x: Json) => x.name === '2023年度党支部考核');
      const fin = await app.inject({
        method: 'POST',
        url: `/api/v1/assessments/${a.id}/transitions`,
        headers,
        payload: { action: 'finalise', version: a.version },
      });
      expect(fin.statusCode, fin.body).toBe(200);
      const before = await get(`/api/v1/assessments/${a.id}/scores`);
      // Afterwards: every open make-up is done, every problem closed, and a branch renamed.
      await db.updateTable('makeupItems').set({ status: 'done', madeUpDate: today() }).execute();
      await db.updateTable('problems').set({ status: 'closed' }).execute();
      const renamed = before.items[before.items.length - 1].orgId;
      await db.updateTable('orgUnits').set({ name: '改名后的支部' }).where('id', '=', renamed).execute();
      expect(await get(`/api/v1/assessments/${a.id}/scores`)).toEqual(before);
    });
  });
}
