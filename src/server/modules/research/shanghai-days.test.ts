/** A research report written at 00:30 Shanghai time (16:30Z the day before) counts in the period of its Shanghai day. */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { today } from '../../clock.ts';
import { researchFigureSources } from './assessment-figures.ts';

describeEachDb('#research Shanghai days', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    const { db, fx, call } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    const at = ['2026-12-02T15:30:00.000Z', '2026-12-02T16:30:00.000Z']; // 23:30 and 00:30 the next day
    for (const reportedAt of at) {
      const topic = await call('leader', 'POST', '/api/v1/research/topics', {
        campaignId,
        orgId: fx.units.branchB.id,
        title: `跨日调研 ${reportedAt}`,
        plan: '走访',
      });
      expect(topic.statusCode, topic.body).toBe(201);
      await db
        .updateTable('researchTopics')
        .set({ status: 'reported', reportedAt })
        .where('id', '=', topic.json().id)
        .execute();
    }
  });

  it('counts 调研报告篇数 by the Shanghai day a report was written on', async () => {
    const { db, fx } = h();
    const reports = async (from: string, to: string) =>
      (
        await researchFigureSources[0].compute(db, {
          campaignId,
          from,
          to,
          today: today(),
          rootPath: fx.units.root.path,
          orgTypes: ['branch'],
        })
      ).get(fx.units.branchB.id);
    expect(await reports('2026-12-02', '2026-12-02')).toBe(1);
    expect(await reports('2026-12-03', '2026-12-03')).toBe(1);
    expect(await reports('2026-12-02', '2026-12-03')).toBe(2);
    expect(await reports('2026-12-04', '2026-12-31')).toBe(0);
  });
});
