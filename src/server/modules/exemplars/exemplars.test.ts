import { afterEach, beforeAll, expect, it } from 'vitest';
import { addDays, today } from '../../clock.ts';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';

describeEachDb('#exemplars', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });
  afterEach(() => {
    delete process.env.TAIZHANG_TODAY;
  });

  it('层层推荐 → 公示 with objections → 评选: no selection before the notice ends and every objection is handled', async () => {
    const { call, fx } = h();
    const nominated = await call('officer', 'POST', '/api/v1/exemplars', {
      campaignId,
      orgId: fx.units.branchA.id,
      personId: fx.people.memberA,
      deeds: '扎根基层，带头办理群众诉求86件。',
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    let e = nominated.json();
    expect(e.status).toBe('nominated');
    expect(e.levelOrgId).toBe(fx.units.committee.id);
    expect((await call('outsider', 'GET', `/api/v1/exemplars/${e.id}`)).statusCode).toBe(404);
    const step = async (who: string, body: Record<string, unknown>) => {
      const res = await call(who, 'POST', `/api/v1/exemplars/${e.id}/transitions`, { version: e.version, ...body });
      if (res.statusCode === 200) e = res.json();
      return res;
    };
    expect((await step('officer', { action: 'approve' })).statusCode).toBe(403);
    expect((await step('secretary', { action: 'approve' })).statusCode).toBe(200);
    expect(e).toMatchObject({ status: 'nominated', levelOrgId: fx.units.root.id });
    expect((await step('secretary', { action: 'approve' })).statusCode).toBe(200);
    expect(e.status).toBe('recommended');
    expect((await step('office', { action: 'select', honour: '红船先锋' })).statusCode).toBe(409);
    expect((await step('office', { action: 'startNotice', days: 5 })).statusCode).toBe(200);
    expect(e).toMatchObject({ status: 'notice', noticeFrom: today(), noticeTo: addDays(today(), 4) });

    // The 公示 is public: a unit elsewhere sees it and may object.
    const objection = await call('outsider', 'POST', `/api/v1/exemplars/${e.id}/objections`, {
      text: '事迹数字有夸大',
    });
    expect(objection.statusCode, objection.body).toBe(201);
    const early = await step('office', { action: 'select', honour: '红船先锋' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('notice_running');
    process.env.TAIZHANG_TODAY = addDays(today(), 6);
    const open = await step('office', { action: 'select', honour: '红船先锋' });
    expect(open.json().code).toBe('objections_open');
    const handled = await call('office', 'POST', `/api/v1/exemplars/${e.id}/objections/${objection.json().id}/handle`, {
      result: '经核实，数字准确',
      upheld: false,
    });
    expect(handled.statusCode, handled.body).toBe(200);
    expect(handled.json().objections[0]).toMatchObject({ result: '经核实，数字准确', upheld: false });
    expect((await step('office', { action: 'select' })).statusCode).toBe(400);
    expect((await step('office', { action: 'select', honour: '红船先锋' })).statusCode).toBe(200);
    expect(e).toMatchObject({ status: 'selected', honour: '红船先锋' });
    expect((await step('office', { action: 'reject' })).statusCode).toBe(409);
    const list = await call('member', 'GET', `/api/v1/exemplars?campaignId=${campaignId}&status=selected`);
    expect(list.json().items.map((x: { id: number }) => x.id)).toContain(e.id);
  });

  it('a nomination names one person or one unit of the nominating unit', async () => {
    const { call, fx } = h();
    const both = await call('officer', 'POST', '/api/v1/exemplars', {
      campaignId,
      orgId: fx.units.branchA.id,
      personId: fx.people.memberA,
      nomineeOrgId: fx.units.branchA.id,
      deeds: '事迹',
    });
    expect(both.statusCode).toBe(400);
    const stranger = await call('officer', 'POST', '/api/v1/exemplars', {
      campaignId,
      orgId: fx.units.branchA.id,
      personId: fx.people.officerB,
      deeds: '事迹',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].path).toBe('personId');
    const branch = await call('office', 'POST', '/api/v1/exemplars', {
      campaignId,
      orgId: fx.units.root.id,
      nomineeOrgId: fx.units.branchB.id,
      deeds: '“街巷长制”示范支部',
    });
    expect(branch.statusCode, branch.body).toBe(201);
    expect(branch.json()).toMatchObject({ status: 'recommended', title: '市容科党支部' });
  });
});
