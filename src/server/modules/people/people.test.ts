import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

const names = (res: { json(): any }) => res.json().items.map((p: { name: string }) => p.name);

describeEachDb('#people', (h) => {
  it('finds a person by initials, full-pinyin prefix and part of the Chinese name', async () => {
    const { call } = h();
    expect(names(await call('office', 'GET', '/api/v1/people?q=zsw'))).toEqual(['张三维']);
    expect(names(await call('office', 'GET', '/api/v1/people?q=zhangsan'))).toEqual(['张三维']);
    expect(names(await call('office', 'GET', `/api/v1/people?q=${encodeURIComponent('三维')}`))).toEqual(['张三维']);
    const leader = (await call('office', 'GET', '/api/v1/people?q=zsw')).json().items[0];
    expect(leader.userId).toBe(h().fx.users.leader);
    expect(leader.orgName).toBe('市局党委');
  });

  it('lists a unit with or without its subtree, ordered by unit then name', async () => {
    const { fx, call } = h();
    const only = await call('office', 'GET', `/api/v1/people?orgId=${fx.units.committee.id}&subtree=false`);
    expect(names(only)).toEqual(['李红梅']);
    const all = await call('office', 'GET', `/api/v1/people?orgId=${fx.units.committee.id}&pageSize=200`);
    expect(all.json().total).toBe(5);
    expect(names(all)[0]).toBe('李红梅');
  });

  it('an officer sees only branchA people: 404 on a branchB person, 403 writing it', async () => {
    const { fx, call } = h();
    const list = await call('officer', 'GET', '/api/v1/people?pageSize=200');
    expect(names(list).sort()).toEqual(['孙晓雨', '赵立新', '钱多多'].sort());
    expect((await call('officer', 'GET', `/api/v1/people/${fx.people.officerB}`)).statusCode).toBe(404);
    const write = await call('officer', 'PATCH', `/api/v1/people/${fx.people.officerB}`, { version: 1, position: '改' });
    expect(write.statusCode).toBe(403);
    const ok = await call('officer', 'PATCH', `/api/v1/people/${fx.people.memberA2}`, { version: 1, position: '组织委员' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().abilities).toEqual({ read: true, update: true, transfer: true, deactivate: true });
  });

  it('a member reads their own record but may not change it; a leader without the right gets 403', async () => {
    const { fx, call } = h();
    const own = await call('member', 'GET', `/api/v1/people/${fx.people.memberA}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().abilities.update).toBe(false);
    expect((await call('member', 'PATCH', `/api/v1/people/${fx.people.memberA}`, { version: own.json().version, phone: '13800000000' })).statusCode).toBe(403);
    expect((await call('member', 'GET', `/api/v1/people/${fx.people.memberA2}`)).statusCode).toBe(404);
    expect((await call('leader', 'PATCH', `/api/v1/people/${fx.people.officerB}`, { version: 1, position: '改' })).statusCode).toBe(403);
  });

  it('rejects a bad phone naming 联系电话 and writes nothing', async () => {
    const { fx, call, db } = h();
    const count = async () => Number((await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const bad = await call('officer', 'POST', '/api/v1/people', { orgId: fx.units.branchA.id, name: '新同志', isPartyMember: true, phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toEqual({ path: 'phone', message: '“联系电话”格式不正确：请输入 11 位手机号或带区号的固定电话' });
    expect(await count()).toBe(before);
    const good = await call('officer', 'POST', '/api/v1/people', { orgId: fx.units.branchA.id, name: '欧阳新', isPartyMember: false, phone: '0571-87654321', gender: 'female', leadershipLevel: 'township' });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ orgName: '办公室党支部', gender: 'female', isPartyMember: false, version: 1 });
    expect(names(await call('officer', 'GET', '/api/v1/people?q=oyx'))).toEqual(['欧阳新']);
    const outside = await call('officer', 'POST', '/api/v1/people', { orgId: fx.units.branchB.id, name: '越界', isPartyMember: true });
    expect(outside.statusCode).toBe(403);
  });

  it('transfers a person: org_path follows, the audit names both units; a stale version gets 409 and no audit row', async () => {
    const { fx, call, db } = h();
    const id = fx.people.officerC;
    const before = (await call('office', 'GET', `/api/v1/people/${id}`)).json();
    const moved = await call('office', 'POST', `/api/v1/people/${id}/transfer`, { orgId: fx.units.branchB.id, version: before.version });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ orgId: fx.units.branchB.id, orgName: '市容科党支部', version: before.version + 1 });
    const row = await db.selectFrom('people').select('orgPath').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.orgPath).toBe(fx.units.branchB.path);
    const audit = await db.selectFrom('auditEvents').selectAll().where('entityType', '=', 'person').where('entityId', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['transfer']);
    expect(JSON.parse(audit[0].before!).orgName).toBe('执法一大队党支部');
    expect(JSON.parse(audit[0].after!).orgName).toBe('市容科党支部');
    expect(audit[0].orgPath).toBe(fx.units.branchB.path);

    const stale = await call('office', 'PATCH', `/api/v1/people/${id}`, { version: before.version, position: '过期' });
    expect(stale.statusCode).toBe(409);
    expect((await call('office', 'POST', `/api/v1/people/${id}/deactivate`, { version: before.version })).statusCode).toBe(409);
    const after = await db.selectFrom('auditEvents').select('id').where('entityType', '=', 'person').where('entityId', '=', id).execute();
    expect(after).toHaveLength(1);
  });

  it('deactivates and reactivates; inactive people leave the default list', async () => {
    const { fx, call } = h();
    const off = await call('office', 'POST', `/api/v1/people/${fx.people.inspector}/deactivate`, { version: 1 });
    expect(off.json().active).toBe(false);
    expect(names(await call('office', 'GET', '/api/v1/people?q=zgq'))).toEqual([]);
    expect(names(await call('office', 'GET', '/api/v1/people?q=zgq&includeInactive=true'))).toEqual(['郑国强']);
    const on = await call('office', 'POST', `/api/v1/people/${fx.people.inspector}/activate`, { version: 2 });
    expect(on.json().active).toBe(true);
  });
});
