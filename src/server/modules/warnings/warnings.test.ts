import { afterEach, beforeAll, expect, it } from 'vitest';
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

  const warnings = async (who: string, query = '') =>
    (await h().call(who, 'GET', `/api/v1/warnings?campaignId=${campaignId}${query}`)).json().items as Item[];
  const countOf = (items: Item[], kind: string, orgId?: number) =>
    items.find((i) => i.kind === kind && (orgId === undefined || i.orgId === orgId))?.count;

  it('counts every kind for the subtree and each count is the total of the list it opens, as days pass', async () => {
    const { call, fx } = h();
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
            'task_behind',
            'task_stale',
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
    // Today: nothing is late yet but the session is past its make-up period and branchB held no session.
    process.env.TAIZHANG_TODAY = day(0);
    const now = await warnings('office');
    expect(countOf(now, 'problem_overdue')).toBe(0);
    expect(countOf(now, 'task_behind')).toBe(0);
    expect(countOf(now, 'study_uncovered')).toBe(1);
    expect(countOf(now, 'study_idle_units')).toBe(2); // branchB and branchC; branchA met 20 days ago
    // Twelve days on: the measure is overdue, the task missed its second node and has not been updated.
    process.env.TAIZHANG_TODAY = day(12);
    const later = await warnings('office', `&orgId=${fx.units.branchA.id}`);
    expect(countOf(later, 'problem_overdue')).toBe(1);
    expect(countOf(later, 'task_behind')).toBe(1);
    expect(countOf(later, 'task_stale')).toBe(1);
    expect(countOf(later, 'study_idle_units')).toBe(1); // its session is now 32 days old
    // The outsider's branchC sees none of branchA's warnings.
    const outside = await warnings('outsider');
    expect(countOf(outside, 'task_behind')).toBe(0);
    expect(countOf(outside, 'problem_overdue')).toBe(0);
  });

  it('thresholds are per campaign: the office moves them and the counts follow; bad values are 400 naming the key', async () => {
    const { call } = h();
    const before = (await call('office', 'GET', `/api/v1/warnings/thresholds?campaignId=${campaignId}`)).json();
    expect(before.items.find((t: { key: string }) => t.key === 'study.idleDays').value).toBe(30);
    const set = await call('office', 'PUT', `/api/v1/warnings/thresholds?campaignId=${campaignId}`, {
      values: { 'study.idleDays': 10, 'study.makeupDays': 30 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const items = await warnings('office');
    expect(countOf(items, 'study_idle_units')).toBe(3); // branchA's session is now older than 10 days
    expect(countOf(items, 'study_uncovered')).toBe(0); // still within a 30-day make-up period
    const bad = await call('office', 'PUT', `/api/v1/warnings/thresholds?campaignId=${campaignId}`, {
      values: { 'study.idleDays': 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('values.study.idleDays');
    const unknown = await call('office', 'PUT', `/api/v1/warnings/thresholds?campaignId=${campaignId}`, {
      values: { nonsense: 3 },
    });
    expect(unknown.statusCode).toBe(400);
    await call('office', 'PUT', `/api/v1/warnings/thresholds?campaignId=${campaignId}`, {
      values: { 'study.idleDays': 30, 'study.makeupDays': 14 },
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
      label: 'idle units of branchA',
      method: 'GET',
      url: (fx) => `/api/v1/study/idle-units?campaignId=${campaignId}&orgId=${fx.units.branchA.id}&days=30`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
  ]);
});
