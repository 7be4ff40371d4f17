/** Figure sources answer for every assessed unit at once; a unit without records has no data. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, nowIso, today } from '../../clock.ts';
import { SOURCE_BY_KEY } from './sources.ts';
import { assessedUnits } from '../../db/unit-figures.ts';
import { WARNING_KINDS } from '../warnings/kinds.ts';

describeEachDb('figure sources', (h) => {
  let campaignId = 0;
  beforeAll(async () => {
    const { db, fx } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    const now = nowIso();
    const d = today();
    const task = (orgId: number, orgPath: string, title: string, behindFrom: string, done = 0) => ({
      campaignId,
      orgId,
      orgPath,
      title,
      startDate: addDays(d, -30),
      endDate: addDays(d, 60),
      lastActivityOn: d,
      behindFrom,
      yellowFrom: behindFrom,
      redFrom: addDays(behindFrom, 30),
      done,
      createdAt: now,
      updatedAt: now,
    });
    const { branchA, branchB } = fx.units;
    await db
      .insertInto('tasks')
      .values([
        task(branchA.id, branchA.path, '按序时', addDays(d, 10)),
        task(branchA.id, branchA.path, '滞后', addDays(d, -3)),
        task(branchA.id, branchA.path, '已完成', addDays(d, -3), 1),
        task(branchB.id, branchB.path, '滞后', addDays(d, -1)),
      ])
      .execute();
  });

  it('tasks.onScheduleRate: done and on-schedule over started, per subtree, for all units in one query', async () => {
    const { db, fx } = h();
    const q = {
      campaignId,
      from: addDays(today(), -365),
      to: today(),
      today: today(),
      rootPath: fx.units.root.path,
      orgTypes: ['branch', 'party_committee'],
    };
    const got = await SOURCE_BY_KEY.get('tasks.onScheduleRate')!.compute(db, q);
    expect(got.get(fx.units.branchA.id)).toBeCloseTo(2 / 3);
    expect(got.get(fx.units.branchB.id)).toBe(0);
    expect(got.has(fx.units.branchC.id)).toBe(false);
    // The committee's subtree holds both branches; the root too.
    expect(got.get(fx.units.committee.id)).toBeCloseTo(2 / 4);
    expect(got.get(fx.units.root.id)).toBeCloseTo(2 / 4);
  });

  describeWarnings();

  function describeWarnings() {
    const saved = process.env.TAIZHANG_TODAY;
    const start = today();
    beforeAll(async () => {
      const { fx, call } = h();
      // branchA: two problems whose measures fall due in 2 days and a session with an absentee never made up;
      // branchB: one such problem; branchC: nothing.
      for (const [who, orgId, title] of [
        ['officer', fx.units.branchA.id, '学习计划落实不到位'],
        ['officer', fx.units.branchA.id, '台账不全'],
        ['office', fx.units.branchB.id, '执法记录仪使用不规范'],
      ] as const) {
        const res = await call(who, 'POST', '/api/v1/problems', {
          campaignId,
          orgId,
          title,
          source: 'self_found',
          kind: 'immediate',
          measures: [{ content: '整改', deadline: addDays(start, 2) }],
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      const s = await call('officer', 'POST', '/api/v1/study/sessions', {
        campaignId,
        orgId: fx.units.branchA.id,
        kind: 'members_meeting',
        mode: 'exchange',
        date: addDays(start, -20),
        hours: 2,
        topic: '专题学习',
        attendance: [
          { personId: fx.people.officerA, status: 'present' },
          { personId: fx.people.memberA, status: 'absent', reason: '出差' },
        ],
      });
      expect(s.statusCode, s.body).toBe(201);
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TAIZHANG_TODAY;
      else process.env.TAIZHANG_TODAY = saved;
    });

    it('warnings.open: one batch for all units equals the 预警 page’s counts unit by unit', async () => {
      const { db, fx, call } = h();
      const source = SOURCE_BY_KEY.get('warnings.open')!;
      expect(source.label).toContain('整改措施逾期的问题');
      const batchKinds = new Set(WARNING_KINDS.filter((k) => k.countByPath).map((k) => k.kind));
      expect([...batchKinds]).toEqual(
        expect.arrayContaining(['problem_overdue', 'problem_waiting_acceptance', 'study_uncovered', 'demand_overdue']),
      );
      for (const shift of [0, 5]) {
        process.env.TAIZHANG_TODAY = addDays(start, shift);
        const q = {
          campaignId,
          from: addDays(today(), -365),
          to: today(),
          today: today(),
          rootPath: fx.units.root.path,
          orgTypes: ['branch', 'general_branch', 'party_committee'],
        };
        const got = await source.compute(db, q);
        const units = await assessedUnits(db, q).select(['u.id']).execute();
        expect(units.length).toBeGreaterThan(3);
        // The recount: the 预警 page, asked unit by unit by the office, summed over the same kinds.
        for (const u of units) {
          const res = await call('office', 'GET', `/api/v1/warnings?campaignId=${campaignId}&orgId=${u.id}`);
          const page = res
            .json()
            .items.filter((i: { kind: string }) => batchKinds.has(i.kind))
            .reduce((n: number, i: { count: number }) => n + i.count, 0);
          expect(got.get(Number(u.id)), `unit ${u.id}, day +${shift}`).toBe(page);
        }
        // Before the deadlines only the session warns; five days on, the three problems too.
        expect(got.get(fx.units.branchA.id)).toBe(shift ? 3 : 1);
        expect(got.get(fx.units.branchB.id)).toBe(shift ? 1 : 0);
        expect(got.get(fx.units.branchC.id)).toBe(0);
        expect(got.get(fx.units.root.id)).toBe(shift ? 4 : 1);
      }
    });
  }
});
