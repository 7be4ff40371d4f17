/** The 三率 a 考核 indicator scores from equal the 三率 the 接诉即办 figures show for the same unit and period. */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, nowIso, today } from '../../clock.ts';
import { demandFigureSources } from './public.ts';
import { afterDemandWrite } from './tally.ts';

describeEachDb('demand figures for 考核', (h) => {
  let campaignId = 0;
  beforeAll(async () => {
    const { db, fx } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    const now = nowIso();
    const visited = `${addDays(today(), -2)}T02:00:00.000Z`;
    let n = 0;
    const demand = (
      unit: { id: number; path: string },
      visit: { contacted: number; solved: number; satisfaction: string } | null,
    ) => ({
      campaignId,
      trackingCode: `T${++n}`,
      channel: 'hotline',
      kind: 'complaint',
      category: '市容环境',
      intakeOrgId: fx.units.root.id,
      intakePath: fx.units.root.path,
      orgId: unit.id,
      orgPath: unit.path,
      description: `诉求${n}`,
      status: visit ? 'closed' : 'handling',
      receivedAt: now,
      visitedAt: visit ? visited : null,
      ...(visit ?? {}),
      createdAt: now,
      updatedAt: now,
    });
    const { branchA, branchB } = fx.units;
    const rows = await db
      .insertInto('demands')
      .values([
        demand(branchA, { contacted: 1, solved: 1, satisfaction: 'satisfied' }),
        demand(branchA, { contacted: 1, solved: 0, satisfaction: 'basically' }),
        demand(branchA, { contacted: 0, solved: 0, satisfaction: 'unsatisfied' }),
        demand(branchB, { contacted: 1, solved: 1, satisfaction: 'satisfied' }),
        demand(branchB, null),
      ])
      .returning('id')
      .execute();
    // Written around the commands, so counted into the maintained 三率 as a writer would.
    await afterDemandWrite(
      db,
      rows.map((r) => r.id),
    );
  });

  it('answers 响应率、解决率、满意率 and the score per subtree as GET /demands/figures does; no follow-up, no data', async () => {
    const { db, fx, call } = h();
    const q = {
      campaignId,
      from: addDays(today(), -30),
      to: today(),
      today: today(),
      rootPath: fx.units.root.path,
      orgTypes: ['branch', 'party_committee'],
    };
    const byKey = new Map(
      await Promise.all(demandFigureSources.map(async (s) => [s.key, await s.compute(db, q)] as const)),
    );
    for (const unit of [fx.units.branchA, fx.units.branchB, fx.units.committee]) {
      const shown = (
        await call(
          'office',
          'GET',
          `/api/v1/demands/figures?campaignId=${campaignId}&orgId=${unit.id}&from=${q.from}&to=${q.to}`,
        )
      ).json();
      expect(byKey.get('demands.responseRate')!.get(unit.id)).toBe(shown.responseRate);
      expect(byKey.get('demands.resolutionRate')!.get(unit.id)).toBe(shown.resolutionRate);
      expect(byKey.get('demands.satisfactionRate')!.get(unit.id)).toBe(shown.satisfactionRate);
      expect(byKey.get('demands.score')!.get(unit.id)).toBe(shown.score);
    }
    expect(byKey.get('demands.responseRate')!.get(fx.units.branchA.id)).toBeCloseTo(2 / 3, 4);
    expect(byKey.get('demands.resolutionRate')!.has(fx.units.branchC.id)).toBe(false);
    expect(demandFigureSources[0].evidence({ ...q, orgId: fx.units.branchA.id })).toContain('visit=valid');
  });
});
