/** 责任链: an overdue measure shown against its 责任人, 分管领导, the unit's 第一责任人 and the upper unit's. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, today } from '../../clock.ts';

describeEachDb('accountability chain', (h) => {
  let campaignId = 0;
  const saved = process.env.TAIZHANG_TODAY;
  beforeAll(async () => {
    const { db, fx, call } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    await db
      .updateTable('orgUnits')
      .set({ secretaryId: fx.people.officerA })
      .where('id', '=', fx.units.branchA.id)
      .execute();
    await db
      .updateTable('orgUnits')
      .set({ secretaryId: fx.people.officeHead })
      .where('id', '=', fx.units.committee.id)
      .execute();
    const res = await call('officer', 'POST', '/api/v1/problems', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '学习计划落实不到位',
      description: '集中学习次数不足',
      source: 'self_found',
      category: '理论学习',
      kind: 'immediate',
      measures: [
        {
          content: '补齐集中学习',
          ownerId: fx.people.memberA,
          leaderId: fx.people.leader,
          deadline: addDays(today(), 2),
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TAIZHANG_TODAY;
    else process.env.TAIZHANG_TODAY = saved;
  });

  it('nothing is on the chain before the deadline passes', async () => {
    const res = await h().call('office', 'GET', `/api/v1/accountability?campaignId=${campaignId}`);
    expect(res.json()).toEqual({ total: 0, leaders: [] });
  });

  it('once overdue, the item counts against all four people of its chain, across the subtree', async () => {
    const { fx, call } = h();
    process.env.TAIZHANG_TODAY = addDays(today(), 5);
    const res = await call('office', 'GET', `/api/v1/accountability?campaignId=${campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    const of = (id: number) => body.leaders.find((l: { personId: number }) => l.personId === id);
    expect(of(fx.people.memberA)).toMatchObject({ name: '孙晓雨', owner: 1, leader: 0, first: 0, upper: 0 });
    expect(of(fx.people.leader)).toMatchObject({ name: '张三维', leader: 1 });
    expect(of(fx.people.officerA)).toMatchObject({ name: '赵立新', first: 1 });
    expect(of(fx.people.officeHead)).toMatchObject({ name: '李红梅', upper: 1 });
    const items = (await call('office', 'GET', `/api/v1/accountability/items?campaignId=${campaignId}`)).json();
    expect(items.total).toBe(1);
    expect(items.items[0]).toMatchObject({
      kind: 'measure',
      kindLabel: '整改措施',
      title: '学习计划落实不到位',
      orgName: '办公室党支部',
      ownerName: '孙晓雨',
      leaderName: '张三维',
      firstName: '赵立新',
      upperName: '李红梅',
      upperOrgName: '机关党委',
    });
    // The count by person and the list it opens agree.
    const mine = await call(
      'office',
      'GET',
      `/api/v1/accountability/items?campaignId=${campaignId}&personId=${fx.people.leader}`,
    );
    expect(mine.json().total).toBe(of(fx.people.leader).leader);
  });

  it('a leader sees their own chain; another branch sees nothing of it', async () => {
    const { fx, call } = h();
    const leader = await call(
      'leader',
      'GET',
      `/api/v1/accountability/items?campaignId=${campaignId}&orgId=${fx.units.root.id}&mine=true`,
    );
    expect(leader.statusCode, leader.body).toBe(200);
    expect(leader.json().total).toBe(1);
    const outsider = await call('outsider', 'GET', `/api/v1/accountability?campaignId=${campaignId}`);
    expect(outsider.json().total).toBe(0);
    expect(
      (await call('outsider', 'GET', `/api/v1/accountability?campaignId=${campaignId}&orgId=${fx.units.branchA.id}`))
        .statusCode,
    ).toBe(404);
    expect((await call('office', 'GET', `/api/v1/accountability?campaignId=abc`)).statusCode).toBe(400);
  });
});
