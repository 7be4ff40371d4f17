import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

describeEachDb('#audit', (h) => {
  it('scopes the trail like the records: an officer sees their branch’s changes, the admin sees account events too', async () => {
    const { call, fx } = h();
    await call('office', 'PATCH', `/api/v1/orgs/${fx.units.branchA.id}`, { version: 1, sortOrder: 5 });
    await call('office', 'PATCH', `/api/v1/orgs/${fx.units.branchB.id}`, { version: 1, sortOrder: 6 });
    await call('admin', 'POST', '/api/v1/users', {
      username: 'audited',
      displayName: '审计测试',
      password: 'abc12345-ledger',
    });

    const officer = (await call('officer', 'GET', '/api/v1/audit?pageSize=200')).json();
    expect(officer.items.map((e: { entityId: number }) => e.entityId)).toEqual([fx.units.branchA.id]);
    expect(officer.items[0]).toMatchObject({
      action: 'update',
      actorName: 'office',
      before: { sortOrder: 0 },
      after: { sortOrder: 5 },
    });

    const office = (await call('office', 'GET', '/api/v1/audit?entityType=user')).json();
    expect(office.total).toBe(0);
    const admin = (await call('admin', 'GET', '/api/v1/audit?entityType=user&q=audited')).json();
    expect(admin.total).toBe(1);
  });

  it('serves a record’s timeline only to those who can see the record', async () => {
    const { call, fx } = h();
    const mine = await call('officer', 'GET', `/api/v1/audit/entity/org/${fx.units.branchA.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.length).toBeGreaterThan(0);
    expect((await call('officer', 'GET', `/api/v1/audit/entity/org/${fx.units.branchB.id}`)).statusCode).toBe(404);
    const day = new Date().toISOString().slice(0, 10);
    const ranged = (await call('office', 'GET', `/api/v1/audit?from=2000-01-01&to=2000-01-02`)).json();
    expect(ranged.total).toBe(0);
    expect((await call('office', 'GET', `/api/v1/audit?from=${day}`)).json().total).toBeGreaterThan(0);
    expect((await call('office', 'GET', '/api/v1/audit?from=yesterday')).statusCode).toBe(400);
  });
});
