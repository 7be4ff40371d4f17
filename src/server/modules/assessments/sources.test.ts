/** Figure sources answer for every assessed unit at once; a unit without records has no data. */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, nowIso, today } from '../../clock.ts';
import { SOURCE_BY_KEY } from './sources.ts';

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
});
