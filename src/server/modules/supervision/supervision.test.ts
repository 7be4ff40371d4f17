import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

const orgIds = (res: { json: () => { items: Array<{ id: number }> } }) =>
  res
    .json()
    .items.map((o) => o.id)
    .sort((a, b) => a - b);

describeEachDb('#supervision-groups and #leader-assignments', (h) => {
  it('a supervisor sees exactly the units assigned to their group, from the next request on', async () => {
    const { call, fx } = h();
    const before = orgIds(await call('supervisor', 'GET', '/api/v1/orgs?pageSize=200'));
    expect(before).toEqual([fx.units.brigade.id, fx.units.branchC.id].sort((a, b) => a - b));
    const group = (await call('office', 'GET', '/api/v1/supervision-groups')).json().items[0];
    const updated = await call('office', 'PATCH', `/api/v1/supervision-groups/${group.id}`, {
      version: group.version,
      unitIds: [fx.units.branchB.id],
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().units).toEqual([{ orgId: fx.units.branchB.id, name: '市容科党支部' }]);
    expect(orgIds(await call('supervisor', 'GET', '/api/v1/orgs?pageSize=200'))).toEqual([fx.units.branchB.id]);
  });

  it('only the admin and the office form groups; others get 403; unknown members are named', async () => {
    const { call, fx } = h();
    const body = {
      name: '第二督导组',
      kind: 'supervision',
      orgId: fx.units.root.id,
      memberIds: [fx.people.officeHead],
      unitIds: [fx.units.branchA.id],
    };
    expect((await call('officer', 'POST', '/api/v1/supervision-groups', body)).statusCode).toBe(403);
    expect((await call('secretary', 'POST', '/api/v1/supervision-groups', body)).statusCode).toBe(403);
    const bad = await call('office', 'POST', '/api/v1/supervision-groups', { ...body, memberIds: [999999] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('memberIds');
    const ok = await call('office', 'POST', '/api/v1/supervision-groups', body);
    expect(ok.statusCode).toBe(201);
    expect((await call('office', 'DELETE', `/api/v1/supervision-groups/${ok.json().id}`)).statusCode).toBe(204);
  });

  it('a supervisor lists their own group though its home unit is above their scope, but cannot edit it', async () => {
    const { call, fx } = h();
    const res = await call('supervisor', 'GET', '/api/v1/supervision-groups');
    expect(res.statusCode).toBe(200);
    const mine = res.json().items.find((g: { id: number }) => g.id === fx.group);
    expect(mine).toBeTruthy();
    expect(mine.abilities.update).toBe(false);
    expect(
      (
        await call('supervisor', 'PATCH', `/api/v1/supervision-groups/${fx.group}`, {
          version: mine.version,
          name: '自改',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a write to a group outside the caller’s scope is 403, to an unknown group 404', async () => {
    const { call, fx } = h();
    expect(
      (await call('outsider', 'PATCH', `/api/v1/supervision-groups/${fx.group}`, { version: 1, name: '越权改名' }))
        .statusCode,
    ).toBe(403);
    expect((await call('outsider', 'DELETE', `/api/v1/supervision-groups/${fx.group}`)).statusCode).toBe(403);
    expect((await call('office', 'DELETE', '/api/v1/supervision-groups/999999')).statusCode).toBe(404);
  });

  it('a leader sees their own unit and the subtrees they guide; a new 分管 widens it', async () => {
    const { call, fx } = h();
    expect(orgIds(await call('leader', 'GET', '/api/v1/orgs?pageSize=200'))).toEqual(
      [fx.units.root.id, fx.units.branchB.id].sort((a, b) => a - b),
    );
    const added = await call('office', 'POST', '/api/v1/leader-assignments', {
      personId: fx.people.leader,
      orgId: fx.units.brigade.id,
    });
    expect(added.statusCode).toBe(201);
    expect(orgIds(await call('leader', 'GET', '/api/v1/orgs?pageSize=200'))).toEqual(
      [fx.units.root.id, fx.units.branchB.id, fx.units.brigade.id, fx.units.branchC.id].sort((a, b) => a - b),
    );
    expect((await call('officer', 'DELETE', `/api/v1/leader-assignments/${added.json().id}`)).statusCode).toBe(403);
    expect((await call('office', 'DELETE', `/api/v1/leader-assignments/${added.json().id}`)).statusCode).toBe(204);
    const dup = await call('office', 'POST', '/api/v1/leader-assignments', {
      personId: fx.people.leader,
      orgId: fx.units.branchB.id,
    });
    expect(dup.statusCode).toBe(409);
  });
});
