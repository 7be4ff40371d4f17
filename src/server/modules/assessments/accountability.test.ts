/**
 * 责任链: an overdue measure shown against its 责任人, 分管领导, the unit's 第一责任人 and the upper unit's; an overdue
 * key task against its 牵头领导 and the 牵头单位's chain; an overdue demand (it names no person) against the
 * handling unit's 第一责任人 and the upper unit's.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, nowIso, today } from '../../clock.ts';

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
    const task = await call('office', 'POST', '/api/v1/tasks', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '背街小巷环境整治',
      leaderId: fx.people.leader,
      startDate: addDays(today(), -10),
      endDate: addDays(today(), 3),
    });
    expect(task.statusCode, task.body).toBe(201);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TAIZHANG_TODAY;
    else process.env.TAIZHANG_TODAY = saved;
  });

  it('nothing is on the chain before the deadline passes', async () => {
    const res = await h().call('office', 'GET', `/api/v1/accountability?campaignId=${campaignId}`);
    expect(res.json()).toEqual({ total: 0, leaders: [] });
  });

  it('once overdue, each item counts against all the people of its chain, across the subtree', async () => {
    const { fx, call } = h();
    process.env.TAIZHANG_TODAY = addDays(today(), 5);
    const res = await call('office', 'GET', `/api/v1/accountability?campaignId=${campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    const of = (id: number) => body.leaders.find((l: { personId: number }) => l.personId === id);
    expect(of(fx.people.memberA)).toMatchObject({ name: '孙晓雨', owner: 1, leader: 0, first: 0, upper: 0 });
    // The measure's 分管领导 and the task's 牵头领导 are one person: two items on their chain.
    expect(of(fx.people.leader)).toMatchObject({ name: '张三维', owner: 0, leader: 2 });
    expect(of(fx.people.officerA)).toMatchObject({ name: '赵立新', first: 2 });
    expect(of(fx.people.officeHead)).toMatchObject({ name: '李红梅', upper: 2 });
    const items = (await call('office', 'GET', `/api/v1/accountability/items?campaignId=${campaignId}`)).json();
    expect(items.total).toBe(2);
    const byKind = (k: string) => items.items.find((i: { kind: string }) => i.kind === k);
    expect(byKind('measure')).toMatchObject({
      kindLabel: '整改措施',
      title: '学习计划落实不到位',
      orgName: '办公室党支部',
      ownerName: '孙晓雨',
      leaderName: '张三维',
      firstName: '赵立新',
      upperName: '李红梅',
      upperOrgName: '机关党委',
    });
    expect(byKind('task')).toMatchObject({
      kindLabel: '重点任务',
      title: '背街小巷环境整治',
      deadline: addDays(today(), -2),
      ownerId: null,
      leaderName: '张三维',
      firstName: '赵立新',
      upperName: '李红梅',
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
    expect(leader.json().total).toBe(2);
    const outsider = await call('outsider', 'GET', `/api/v1/accountability?campaignId=${campaignId}`);
    expect(outsider.json().total).toBe(0);
    expect(
      (await call('outsider', 'GET', `/api/v1/accountability?campaignId=${campaignId}&orgId=${fx.units.branchA.id}`))
        .statusCode,
    ).toBe(404);
    expect((await call('office', 'GET', `/api/v1/accountability?campaignId=abc`)).statusCode).toBe(400);
  });

  it('overdue demands count against the handling unit’s 第一责任人 and the upper unit’s, whoever asks', async () => {
    const { db, fx, call } = h();
    await db
      .updateTable('orgUnits')
      .set({ secretaryId: fx.people.officerB })
      .where('id', '=', fx.units.branchB.id)
      .execute();
    // Judged against the real clock: due yesterday is overdue, due tomorrow is not, a closed one never is.
    const real = new Date();
    const at = (days: number) => new Date(real.getTime() + days * 86_400_000).toISOString();
    let n = 0;
    const demand = (unit: { id: number; path: string }, status: string, due: Record<string, string>) => ({
      campaignId,
      trackingCode: `AC${++n}`,
      channel: 'hotline',
      kind: 'complaint',
      category: '市容环境',
      intakeOrgId: fx.units.root.id,
      intakePath: fx.units.root.path,
      orgId: unit.id,
      orgPath: unit.path,
      description: `门前三包落实不到位${n}`,
      status,
      receivedAt: at(-10),
      ...due,
      createdAt: nowIso(),
      updatedAt: nowIso(),
    });
    const { branchA, branchB } = fx.units;
    await db
      .insertInto('demands')
      .values([
        demand(branchA, 'accepted', { dueAt: at(-1) }),
        demand(branchA, 'accepted', { dueAt: at(1) }),
        demand(branchA, 'closed', { dueAt: at(-3) }),
        demand(branchB, 'dispatched', { acceptDueAt: at(-1), dueAt: at(5) }),
      ])
      .execute();
    const body = (await call('office', 'GET', `/api/v1/accountability?campaignId=${campaignId}`)).json();
    // The measure and the task from before, and the two overdue demands.
    expect(body.total).toBe(4);
    const of = (id: number) => body.leaders.find((l: { personId: number }) => l.personId === id);
    expect(of(fx.people.officerA)).toMatchObject({ first: 3, owner: 0, leader: 0, upper: 0 });
    expect(of(fx.people.officerB)).toMatchObject({ name: '周文斌', first: 1, owner: 0, leader: 0, upper: 0 });
    expect(of(fx.people.officeHead)).toMatchObject({ upper: 4 });
    // A demand names no 责任人 or 分管领导: the leader's count is still the measure and the task.
    expect(of(fx.people.leader)).toMatchObject({ leader: 2 });
    const items = (await call('office', 'GET', `/api/v1/accountability/items?campaignId=${campaignId}`)).json();
    const demands = items.items.filter((i: { kind: string }) => i.kind === 'demand');
    expect(demands).toHaveLength(2);
    for (const d of demands) expect(d).toMatchObject({ kindLabel: '群众诉求', ownerId: null, leaderId: null });
    expect(
      demands
        .map((d: { orgName: string; firstName: string; upperName: string }) => [d.orgName, d.firstName, d.upperName])
        .sort(),
    ).toEqual(
      [
        ['办公室党支部', '赵立新', '李红梅'],
        ['市容科党支部', '周文斌', '李红梅'],
      ].sort(),
    );
    expect(demands.every((d: { link: string }) => d.link.startsWith('/demands?open='))).toBe(true);
    // The count by person and the list it opens agree; branchB's officer sees only its own unit's demand.
    const mine = await call(
      'office',
      'GET',
      `/api/v1/accountability/items?campaignId=${campaignId}&personId=${fx.people.officerB}`,
    );
    expect(mine.json().total).toBe(1);
    const outsider = (await call('outsider', 'GET', `/api/v1/accountability?campaignId=${campaignId}`)).json();
    expect(outsider.total).toBe(0);
  });
});
