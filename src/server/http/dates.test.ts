import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';
import { fixtureCampaign } from '../testing/fixture.ts';
import { addDays, today } from '../clock.ts';

/**
 * Dates the server refuses with a message naming the field, never coercing: impossible calendar dates, working
 * days that are not a positive whole number, records of what happened dated after today, ranges ending first.
 */
describeEachDb('dates are checked, not coerced', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });
  const problem = (deadline: unknown) => ({
    campaignId,
    orgId: h().fx.units.branchA.id,
    title: '台账日期校验',
    source: 'self_found',
    kind: 'immediate',
    measures: [{ content: '整改', ownerId: h().fx.people.memberA, deadline }],
  });
  const fieldErrors = async (method: string, url: string, body: unknown) => {
    const res = await h().call('office', method, url, body);
    expect(res.statusCode, res.body).toBe(400);
    return res.json() as { detail: string; errors: Array<{ path: string; message: string }> };
  };

  it.each(['2030-02-30', '2026-13-01', '2026-02-29'])(
    'refuses the impossible deadline %s naming the field',
    async (d) => {
      const res = await fieldErrors('POST', '/api/v1/problems', problem(d));
      // 2026-13-01 has no such month either; both are a date that does not exist, said on the field.
      expect(res.errors).toContainEqual({
        path: 'measures.0.deadline',
        message: `“整改时限”“${d}”不是有效日期（该日不存在）`,
      });
    },
  );

  it.each([0, -1, 'abc', 1.5])('refuses %s working days naming 工作日数', async (n) => {
    const res = await fieldErrors('POST', '/api/v1/problems', problem({ workingDays: n }));
    expect(res.detail).toContain('工作日数');
  });

  it('refuses a meeting dated after today, naming 会议日期, and records nothing', async () => {
    const { call, fx } = h();
    const res = await call('officer', 'POST', '/api/v1/meetings', {
      campaignId,
      orgId: fx.units.branchA.id,
      kind: 'organisational_life',
      date: addDays(today(), 1),
      attendeeIds: [fx.people.officerA],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'date', message: expect.stringContaining('“会议日期”不能晚于今天') }]);
    expect((await call('officer', 'GET', `/api/v1/meetings?campaignId=${campaignId}`)).json().items).toEqual([]);
  });

  it('refuses 民生实事 progress dated after today, naming 进展日期', async () => {
    const { call, fx } = h();
    const m = await call('office', 'POST', '/api/v1/matters', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '日期校验',
      dueDate: addDays(today(), 30),
    });
    const res = await call('office', 'POST', `/api/v1/matters/${m.json().id}/progress`, {
      date: addDays(today(), 1),
      note: '提前填报',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'date', message: expect.stringContaining('“进展日期”不能晚于今天') }]);
  });

  it('refuses a campaign whose end is before its start instead of swapping them', async () => {
    const res = await fieldErrors('POST', '/api/v1/campaigns', {
      name: '日期倒置',
      startDate: '2026-12-01',
      endDate: '2026-11-01',
      orgId: h().fx.units.root.id,
    });
    expect(res.errors).toContainEqual({ path: 'endDate', message: '“结束日期”不能早于“开始日期”' });
  });
});
