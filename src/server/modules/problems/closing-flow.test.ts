import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, today } from '../../clock.ts';

describeEachDb('#problems closing flow', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  /** A confirmed problem whose one measure is open, recorded by the office. */
  const inProgress = async () => {
    const { call, fx } = h();
    const created = await call('office', 'POST', '/api/v1/problems', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '执法记录仪使用不规范',
      source: 'self_found',
      kind: 'immediate',
      measures: [{ content: '逐一检查执法记录仪', ownerId: fx.people.memberA, deadline: { workingDays: 5 } }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    const confirmed = await call('secretary', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'confirm',
      version: p.version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return confirmed.json();
  };

  it('says on the record why 申请销号 is not open yet, in the words the refusal uses', async () => {
    const { call } = h();
    const p = await inProgress();
    expect(p.abilities.submit).toBe(true);
    expect(p.blockers.submit).toBe('还有 1 条整改措施未完成，不能申请销号');
    const refused = await call('secretary', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'submit',
      version: p.version,
      effect: '已整改',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(p.blockers.submit);
  });

  it('fails with 400 naming 进展日期 when progress is dated after today', async () => {
    const { call } = h();
    const p = await inProgress();
    const res = await call('office', 'POST', `/api/v1/problems/${p.id}/measures/${p.measures[0].id}/progress`, {
      date: addDays(today(), 1),
      note: '提前写好的进展',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      path: 'date',
      message: expect.stringContaining('“进展日期”不能晚于今天'),
    });
    expect((await call('office', 'GET', `/api/v1/problems/${p.id}`)).json().progress).toEqual([]);
  });
});
