import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

describeEachDb('#leader-assignments', (h) => {
  it('a new 分管 unit widens the leader’s scope on the next request, and removing it narrows it again', async () => {
    const { fx, call } = h();
    expect((await call('leader', 'GET', `/api/v1/orgs/${fx.units.branchC.id}`)).statusCode).toBe(404);
    const made = await call('office', 'POST', '/api/v1/leader-assignments', { personId: fx.people.leader, orgId: fx.units.branchC.id });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ personName: '张三维', orgName: '执法一大队党支部' });
    expect((await call('leader', 'GET', `/api/v1/orgs/${fx.units.branchC.id}`)).statusCode).toBe(200);
    const mine = (await call('leader', 'GET', `/api/v1/leader-assignments?personId=${fx.people.leader}`)).json();
    expect(mine.items.map((a: { orgName: string }) => a.orgName).sort()).toEqual(['市容科党支部', '执法一大队党支部'].sort());
    expect((await call('office', 'POST', '/api/v1/leader-assignments', { personId: fx.people.leader, orgId: fx.units.branchC.id })).statusCode).toBe(409);
    expect((await call('office', 'DELETE', `/api/v1/leader-assignments/${made.json().id}`)).statusCode).toBe(204);
    expect((await call('leader', 'GET', `/api/v1/orgs/${fx.units.branchC.id}`)).statusCode).toBe(404);
  });

  it('only admin and office write; an unknown unit is 400 naming the field', async () => {
    const { fx, call } = h();
    const body = { personId: fx.people.leader, orgId: fx.units.branchA.id };
    for (const who of ['secretary', 'leader', 'officer', 'member', 'supervisor']) {
      expect((await call(who, 'POST', '/api/v1/leader-assignments', body)).statusCode).toBe(403);
    }
    const bad = await call('admin', 'POST', '/api/v1/leader-assignments', { personId: fx.people.leader, orgId: 999999 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('orgId');
  });
});
