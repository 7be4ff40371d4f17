import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { recordAudit } from './record-audit.ts';

const labels = (res: { json(): any }) => res.json().items.map((e: { entityLabel: string }) => e.entityLabel);

describeEachDb('#audit', (h) => {
  it('scopes the trail by the event’s unit: an officer sees branchA events only, only the admin sees unit-less events', async () => {
    const { fx, call, db } = h();
    expect((await call('office', 'PATCH', `/api/v1/people/${fx.people.memberA}`, { version: 1, position: '宣传委员' })).statusCode).toBe(200);
    expect((await call('office', 'PATCH', `/api/v1/people/${fx.people.officerB}`, { version: 1, phone: '13912345678' })).statusCode).toBe(200);
    await recordAudit(db, null, { action: 'update', entityType: 'setting', entityId: 1, entityLabel: '系统设置', orgPath: null, after: { x: 1 } });

    const officer = await call('officer', 'GET', '/api/v1/audit');
    expect(officer.statusCode).toBe(200);
    expect(labels(officer)).toEqual(['孙晓雨']);
    expect(officer.json().items[0]).toMatchObject({ action: 'update', entityType: 'person', actorName: 'office', before: { position: '科员' }, after: { position: '宣传委员' } });

    expect(labels(await call('office', 'GET', '/api/v1/audit'))).toEqual(['周文斌', '孙晓雨']);
    const admin = await call('admin', 'GET', '/api/v1/audit');
    expect(labels(admin)).toEqual(['系统设置', '周文斌', '孙晓雨']);
    expect(admin.json().items[0]).toMatchObject({ actorName: '系统', actorUserId: null, before: null, after: { x: 1 } });
    expect((await call('member', 'GET', '/api/v1/audit')).json().total).toBe(0);
  });

  it('filters by record, actor, action, label and date', async () => {
    const { fx, call } = h();
    const byEntity = await call('admin', 'GET', `/api/v1/audit?entityType=person&entityId=${fx.people.officerB}`);
    expect(labels(byEntity)).toEqual(['周文斌']);
    expect(labels(await call('admin', 'GET', `/api/v1/audit?actorUserId=${fx.users.office}&q=${encodeURIComponent('晓雨')}`))).toEqual(['孙晓雨']);
    expect((await call('admin', 'GET', '/api/v1/audit?action=transfer')).json().total).toBe(0);
    expect((await call('admin', 'GET', '/api/v1/audit?to=2000-01-01')).json().total).toBe(0);
    expect((await call('admin', 'GET', '/api/v1/audit?from=2000-01-01')).json().total).toBe(3);
    const bad = await call('admin', 'GET', '/api/v1/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toContain('起始日期');
  });

  it('serves a record’s timeline only to a caller who can see part of it', async () => {
    const { fx, call } = h();
    const mine = await call('officer', 'GET', `/api/v1/audit/entity/person/${fx.people.memberA}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((e: { action: string }) => e.action)).toEqual(['update']);
    expect((await call('officer', 'GET', `/api/v1/audit/entity/person/${fx.people.officerB}`)).statusCode).toBe(404);
    expect((await call('admin', 'GET', '/api/v1/audit/entity/person/999999')).statusCode).toBe(404);
  });

  it('writes the audit row in the same transaction: a failed write leaves none', async () => {
    const { fx, call, db } = h();
    const count = async () => Number((await db.selectFrom('auditEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect((await call('office', 'PATCH', `/api/v1/people/${fx.people.memberA}`, { version: 1, position: '过期版本' })).statusCode).toBe(409);
    expect((await call('office', 'POST', `/api/v1/people/${fx.people.memberA}/transfer`, { version: 2, orgId: 999999 })).statusCode).toBe(404);
    expect((await call('officer', 'PATCH', `/api/v1/people/${fx.people.officerB}`, { version: 2, position: '越权' })).statusCode).toBe(403);
    expect(await count()).toBe(before);
    const person = await db.selectFrom('people').select(['position', 'version']).where('id', '=', fx.people.memberA).executeTakeFirstOrThrow();
    expect(person).toEqual({ position: '宣传委员', version: 2 });

    // Two editors race on the same version: one wins, the loser's transaction leaves no audit row.
    const race = await Promise.all(['甲', '乙'].map((p) => call('office', 'PATCH', `/api/v1/people/${fx.people.memberA}`, { version: 2, position: p })));
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await count()).toBe(before + 1);
  });
});
