import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';
import { addDays, today } from '../../clock.ts';

const realToday = today();
const day = (n: number) => addDays(realToday, n);

interface Item {
  kind: string;
  orgId: number;
  count: number;
  link: string;
  api: string;
}

describeEachDb('#warnings (预警)', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    const { db, fx, call } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    // A problem whose measure falls due in 3 days, a session with an absentee who never made it up, a task
    // whose second milestone falls due in 10 days.
    const p = await call('officer', 'POST', '/api/v1/problems', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '台账不全',
      source: 'self_found',
      kind: 'immediate',
      measures: [{ content: '补齐台账', deadline: day(3) }],
    });
    expect(p.statusCode, p.body).toBe(201);
    const s = await call('officer', 'POST', '/api/v1/study/sessions', {
      campaignId,
      orgId: fx.units.branchA.id,
      kind: 'members_meeting',
      mode: 'exchange',
      date: day(-20),
      hours: 2,
      topic: '专题学习',
      attendance: [
        { personId: fx.people.officerA, status: 'present' },
        { personId: fx.people.memberA, status: 'absent', reason: '出差' },
      ],
    });
    expect(s.statusCode, s.body).toBe(201);
    const t = await call('office', 'POST', '/api/v1/tasks', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '智慧城管平台建设',
      startDate: day(-5),
      endDate: day(30),
      milestones: [
        { title: '需求调研', plannedDate: day(2), weight: 1 },
        { title: '上线试运行', plannedDate: day(10), weight: 1 },
      ],
    });
    expect(t.statusCode, t.body).toBe(201);
  });
  afterEach(() => {
    delete process.env.TAIZHANG_TODAY;
  });

  const warnings = async (who: string, query = '') => {
    const res = await h().call(who, 'GET', `/api/v1/warnings?campaignId=${campaignId}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Item[];
  };
  const countOf = (items: Item[], kind: string, orgId?: number) =>
    items.find((i) => i.kind === kind && (orgId === undefined || i.orgId === orgId))?.count;
  /** Sets the thresholds and insists on 200 (a silent failure would leave the next test reading the wrong ones). */
  const setThresholds = async (values: Record<string, number>) => {
    const res = await h().call('office', 'PUT', `/api/v1/warnings/thresholds?campaignId=${campaignId}`, { values });
    expect(res.statusCode, res.body).toBe(200);
  };

  describe('#warnings.list', () => {
    it('counts every kind for the subtree and each count is the total of the list it opens, as days pass', async () => {
      const { call } = h();
      for (const offset of [0, 12]) {
        process.env.TAIZHANG_TODAY = day(offset);
        for (const who of ['office', 'officer', 'leader']) {
          const items = await warnings(who, '&children=true');
          expect(new Set(items.map((i) => i.kind))).toEqual(
            new Set([
              'problem_overdue',
              'problem_waiting_acceptance',
              'study_uncovered',
              'study_idle_units',
              'study_meetings_behind',
              'research_leaders_without_report',
              'task_behind',
              'task_stale',
              'demand_overdue',
            ]),
          );
          for (const item of items) {
            const list = await call(who, 'GET', item.api);
            expect(list.statusCode, `${item.api} ${list.body}`).toBe(200);
            expect(list.json().total, `${who} ${item.kind} @${item.orgId}`).toBe(item.count);
            expect(item.link.startsWith('/')).toBe(true);
          }
        }
      }
    });

    it('today: nothing is late yet, but the session is past its make-up period and branchB and branchC held none', async () => {
      process.env.TAIZHANG_TODAY = day(0);
      const now = await warnings('office');
      expect(countOf(now, 'problem_overdue')).toBe(0);
      expect(countOf(now, 'task_behind')).toBe(0);
      expect(countOf(now, 'study_uncovered')).toBe(1);
      expect(countOf(now, 'study_idle_units')).toBe(2); // branchB and branchC; branchA met 20 days ago
    });

    it('twelve days on: the measure is overdue, the task missed its second node and has not been updated', async () => {
      process.env.TAIZHANG_TODAY = day(12);
      const later = await warnings('office', `&orgId=${h().fx.units.branchA.id}`);
      expect(countOf(later, 'problem_overdue')).toBe(1);
      expect(countOf(later, 'task_behind')).toBe(1);
      expect(countOf(later, 'task_stale')).toBe(1);
      expect(countOf(later, 'study_idle_units')).toBe(1); // its session is now 32 days old
    });

    it("shows the outsider (branchC) none of branchA's warnings", async () => {
      process.env.TAIZHANG_TODAY = day(12);
      const outside = await warnings('outsider');
      expect(countOf(outside, 'task_behind')).toBe(0);
      expect(countOf(outside, 'problem_overdue')).toBe(0);
    });
  });

  describe('#warnings.thresholds', () => {
    it('answers 200 with the default idle days (30)', async () => {
      const before = await h().call('office', 'GET', `/api/v1/warnings/thresholds?campaignId=${campaignId}`);
      expect(before.statusCode, before.body).toBe(200);
      expect(before.json().items.find((t: { key: string }) => t.key === 'study.idleDays').value).toBe(30);
    });

    it('answers 200 when the office moves them, and the counts follow', async () => {
      await setThresholds({ 'study.idleDays': 10, 'study.makeupDays': 30 });
      const items = await warnings('office');
      expect(countOf(items, 'study_idle_units')).toBe(3); // branchA's session is now older than 10 days
      expect(countOf(items, 'study_uncovered')).toBe(0); // still within a 30-day make-up period
    });

    it('fails with 400 naming the key when a value is out of range', async () => {
      const bad = await h().call('office', 'PUT', `/api/v1/warnings/thresholds?campaignId=${campaignId}`, {
        values: { 'study.idleDays': 0 },
      });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json().errors[0].path).toBe('values.study.idleDays');
    });

    it('fails with 400 when the key is unknown', async () => {
      const unknown = await h().call('office', 'PUT', `/api/v1/warnings/thresholds?campaignId=${campaignId}`, {
        values: { nonsense: 3 },
      });
      expect(unknown.statusCode, unknown.body).toBe(400);
      await setThresholds({ 'study.idleDays': 30, 'study.makeupDays': 14 });
    });
  });

  describe('#warnings.list (三会一课 behind its quarter)', () => {
    // The first quarter of 2027 (90 days): a 党支部 owes 1 党员大会, 3 支委会, 3 党小组会 and 1 党课 by 31 March.
    const QUARTER_END = '2027-03-31';
    let A: number;
    let B: number;
    beforeAll(async () => {
      const { call, fx } = h();
      process.env.TAIZHANG_TODAY = QUARTER_END;
      const held = async (orgId: number, personId: number, kind: string, date: string) => {
        const r = await call('office', 'POST', '/api/v1/study/sessions', {
          campaignId,
          orgId,
          kind,
          mode: 'exchange',
          date,
          hours: 1,
          topic: '组织生活',
          attendance: [{ personId, status: 'present' }],
        });
        expect(r.statusCode, r.body).toBe(201);
      };
      A = fx.units.branchA.id;
      B = fx.units.branchB.id;
      for (const [kind, dates] of [
        ['members_meeting', ['2027-03-20']],
        ['committee_meeting', ['2027-01-10', '2027-02-10', '2027-03-10']],
        ['group_meeting', ['2027-01-12', '2027-02-12', '2027-03-12']],
        ['party_lecture', ['2027-03-25']],
      ] as const)
        for (const d of dates) await held(A, fx.people.officerA, kind, d);
      // branchB holds four 支委会 (one more than required: it does not make up for anything else).
      for (const d of ['2027-01-10', '2027-02-10', '2027-03-10', '2027-03-11'])
        await held(B, fx.people.officerB, 'committee_meeting', d);
      delete process.env.TAIZHANG_TODAY;
    });

    const behind = async (who: string, query = '') => {
      const items = (await warnings(who, `&kind=study_meetings_behind${query}`)).filter(
        (i) => i.kind === 'study_meetings_behind',
      );
      for (const item of items) {
        const list = await h().call(who, 'GET', item.api);
        expect(list.statusCode, list.body).toBe(200);
        expect(list.json().total, `${who} @${item.orgId}`).toBe(item.count);
      }
      return items;
    };

    it("on the quarter's last day: branchA is complete, branchB is 5 short, branchC (held none) 8 short", async () => {
      const { call, fx } = h();
      process.env.TAIZHANG_TODAY = QUARTER_END;
      const end = await behind('office', '&children=true');
      expect(countOf(end, 'study_meetings_behind', fx.units.root.id)).toBe(2);
      expect(countOf(end, 'study_meetings_behind', fx.units.committee.id)).toBe(1);
      const list = await call('office', 'GET', end[0].api);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((u: { id: number }) => u.id)).toEqual([B, fx.units.branchC.id]);
      expect(list.json().items[0]).toMatchObject({ due: 8, held: 3 });
      expect(end[0].link).toContain('kind=study_meetings_behind');
    });

    it('shows the outsider only branchC', async () => {
      process.env.TAIZHANG_TODAY = QUARTER_END;
      expect(countOf(await behind('outsider'), 'study_meetings_behind')).toBe(1);
    });

    it('mid-February (45 of 90 days): one 支委会 and one 党小组会 are due; branchB has held its 支委会', async () => {
      const { call, fx } = h();
      process.env.TAIZHANG_TODAY = '2027-02-14';
      const mid = await call('office', 'GET', `/api/v1/study/meetings-behind?orgId=${fx.units.root.id}`);
      expect(mid.statusCode, mid.body).toBe(200);
      expect(mid.json().items.map((u: { id: number; due: number; held: number }) => [u.id, u.due, u.held])).toEqual([
        [B, 2, 1],
        [fx.units.branchC.id, 2, 0],
      ]);
    });

    it('owes nothing yet in the first days of a quarter', async () => {
      process.env.TAIZHANG_TODAY = '2027-01-05';
      expect(countOf(await behind('office'), 'study_meetings_behind')).toBe(0);
    });

    it("warns only branchC at the quarter's end when the campaign tolerates a shortfall of 6", async () => {
      process.env.TAIZHANG_TODAY = QUARTER_END;
      await setThresholds({ 'study.meetingsShortfall': 6 });
      expect(countOf(await behind('office'), 'study_meetings_behind')).toBe(1);
      await setThresholds({ 'study.meetingsShortfall': 1 });
    });
  });

  it('leaders without a research report: a report takes a leader off; the required number is per campaign', async () => {
    const { call, fx } = h();
    const missing = async (who: string) => {
      const items = (await warnings(who, '&kind=research_leaders_without_report&children=true')).filter(
        (i) => i.kind === 'research_leaders_without_report',
      );
      for (const item of items) {
        const list = await call(who, 'GET', item.api);
        expect(list.statusCode, list.body).toBe(200);
        expect(list.json().total, `${who} @${item.orgId}`).toBe(item.count);
      }
      return items;
    };
    // The leader (a leader grant) is the subtree's only leader; the leader sees only the branchB it guides.
    expect(countOf(await missing('office'), 'research_leaders_without_report', fx.units.root.id)).toBe(1);
    expect(countOf(await missing('officer'), 'research_leaders_without_report')).toBe(0);
    const topic = await call('leader', 'POST', '/api/v1/research/topics', {
      campaignId,
      orgId: fx.units.branchB.id,
      title: '背街小巷治理调研',
      plan: '走访',
    });
    expect(topic.statusCode, topic.body).toBe(201);
    // A planned topic is not a report.
    expect(countOf(await missing('office'), 'research_leaders_without_report')).toBe(1);
    const cur = (await call('leader', 'GET', `/api/v1/research/topics/${topic.json().id}`)).json();
    const reported = await call('leader', 'PUT', `/api/v1/research/topics/${topic.json().id}/report`, {
      version: cur.version,
      situation: '走访三条街巷',
      problems: '管控时段错位',
      analysis: '机制不活',
      measures: '推行错时管理',
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(countOf(await missing('office'), 'research_leaders_without_report')).toBe(0);
    const set = await call('office', 'PUT', `/api/v1/warnings/thresholds?campaignId=${campaignId}`, {
      values: { 'research.minReports': 2 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const two = await missing('office');
    expect(countOf(two, 'research_leaders_without_report', fx.units.root.id)).toBe(1);
    expect(two[0].link).toContain('minReports=2');
    await call('office', 'PUT', `/api/v1/warnings/thresholds?campaignId=${campaignId}`, {
      values: { 'research.minReports': 1 },
    });
  });

  permissionMatrix(h, [
    {
      label: 'warnings of branchA',
      method: 'GET',
      url: (fx) => `/api/v1/warnings?campaignId=${campaignId}&orgId=${fx.units.branchA.id}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    {
      label: 'set warning thresholds',
      method: 'PUT',
      url: () => `/api/v1/warnings/thresholds?campaignId=${campaignId}`,
      body: () => ({ values: { 'problems.acceptDays': 5 } }),
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: '三会一课 behind in branchA',
      method: 'GET',
      url: (fx) => `/api/v1/study/meetings-behind?orgId=${fx.units.branchA.id}&shortfall=1`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    {
      label: 'idle units of branchA',
      method: 'GET',
      url: (fx) => `/api/v1/study/idle-units?campaignId=${campaignId}&orgId=${fx.units.branchA.id}&days=30`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
  ]);
});
