import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

describeEachDb('#supervision-groups', (h) => {
  it('assigning branchB to the group lets the supervisor see branchB’s units on the very next request', async () => {
    const { fx, call } = h();
    expect((await call('supervisor', 'GET', `/api/v1/orgs/${fx.units.branchB.id}`)).statusCode).toBe(404);
    const list = (await call('supervisor', 'GET', '/api/v1/supervision-groups')).json();
    expect(list.items).toHaveLength(1);
    const g = list.items[0];
    expect(g).toMatchObject({ name: '第一督导组', kind: 'supervision', members: [{ name: '郑国强' }], units: [{ name: '执法支队党总支' }] });
    expect(g.abilities.update).toBe(false);

    const patched = await call('office', 'PATCH', `/api/v1/supervision-groups/${g.id}`, { version: g.version, unitIds: [fx.units.brigade.id, fx.units.branchB.id] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().units.map((u: { orgId: number }) => u.orgId)).toEqual(expect.arrayContaining([fx.units.branchB.id]));
    expect((await call('supervisor', 'GET', `/api/v1/orgs/${fx.units.branchB.id}`)).statusCode).toBe(200);
    const ids = (await call('supervisor', 'GET', '/api/v1/orgs?pageSize=200')).json().items.map((o: { id: number }) => o.id);
    expect(ids).toContain(fx.units.branchB.id);

    expect((await call('office', 'PATCH', `/api/v1/supervision-groups/${g.id}`, { version: g.version, name: '旧版本' })).statusCode).toBe(409);
  });

  it('creates a liaison group, validates references, and dissolving it removes the members’ scope', async () => {
    const { fx, call } = h();
    const bad = await call('office', 'POST', '/api/v1/supervision-groups', { name: '联络组', kind: 'liaison', orgId: fx.units.root.id, memberIds: [999999], unitIds: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('memberIds');
    const badKind = await call('office', 'POST', '/api/v1/supervision-groups', { name: '联络组', kind: 'other', orgId: fx.units.root.id, memberIds: [], unitIds: [] });
    expect(badKind.statusCode).toBe(400);
    const made = await call('office', 'POST', '/api/v1/supervision-groups', { name: '第二联络组', kind: 'liaison', orgId: fx.units.root.id, memberIds: [fx.people.inspector], unitIds: [fx.units.branchA.id] });
    expect(made.statusCode).toBe(201);
    expect((await call('supervisor', 'GET', `/api/v1/orgs/${fx.units.branchA.id}`)).statusCode).toBe(200);
    expect((await call('office', 'DELETE', `/api/v1/supervision-groups/${made.json().id}`)).statusCode).toBe(204);
    expect((await call('supervisor', 'GET', `/api/v1/orgs/${fx.units.branchA.id}`)).statusCode).toBe(404);
    expect((await call('office', 'GET', `/api/v1/supervision-groups/${made.json().id}`)).statusCode).toBe(404);
  });

  it('only admin and office in scope write; others 403; outsiders cannot read', async () => {
    const { fx, call } = h();
    const body = { name: '越权组', kind: 'supervision', orgId: fx.units.branchA.id, memberIds: [], unitIds: [] };
    for (const who of ['secretary', 'leader', 'officer', 'member', 'supervisor']) {
      expect((await call(who, 'POST', '/api/v1/supervision-groups', body)).statusCode).toBe(403);
    }
    expect((await call('outsider', 'GET', `/api/v1/supervision-groups/${fx.group}`)).statusCode).toBe(404);
    expect((await call('outsider', 'DELETE', `/api/v1/supervision-groups/${fx.group}`)).statusCode).toBe(403);
  });
});
