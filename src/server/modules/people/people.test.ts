import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

const names = (res: { json: () => { items: Array<{ name: string }> } }) => res.json().items.map((p) => p.name);

describeEachDb('#people', (h) => {
  it('finds people by Chinese name, full pinyin or initials', async () => {
    const { call } = h();
    expect(names(await call('office', 'GET', '/api/v1/people?q=zsw'))).toEqual(['张三维']);
    expect(names(await call('office', 'GET', '/api/v1/people?q=zhangsan'))).toEqual(['张三维']);
    expect(names(await call('office', 'GET', `/api/v1/people?q=${encodeURIComponent('三维')}`))).toEqual(['张三维']);
    expect(names(await call('office', 'GET', '/api/v1/people?q=ZSW'))).toEqual(['张三维']);
  });

  it('scopes the roster: an officer sees their branch; a member only their own record', async () => {
    const { call, fx } = h();
    expect(names(await call('officer', 'GET', '/api/v1/people')).sort()).toEqual(['孙晓雨', '赵立新', '钱多多'].sort());
    expect(names(await call('member', 'GET', '/api/v1/people'))).toEqual(['孙晓雨']);
    expect((await call('officer', 'GET', `/api/v1/people/${fx.people.officerB}`)).statusCode).toBe(404);
    const write = await call('officer', 'PATCH', `/api/v1/people/${fx.people.officerB}`, {
      version: 1,
      position: '改',
    });
    expect(write.statusCode).toBe(403);
    expect(
      (await call('member', 'PATCH', `/api/v1/people/${fx.people.memberA}`, { version: 1, position: '改' })).statusCode,
    ).toBe(403);
    const unit = await call('office', 'GET', `/api/v1/people?orgId=${fx.units.committee.id}&subtree=false`);
    expect(names(unit)).toEqual(['李红梅']);
    const below = await call('office', 'GET', `/api/v1/people?orgId=${fx.units.committee.id}`);
    expect(below.json().total).toBe(5);
  });

  it('rejects a bad phone number naming 联系电话, writing nothing; a good one saves', async () => {
    const { call, fx, db } = h();
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad = await call('officer', 'POST', '/api/v1/people', {
      orgId: fx.units.branchA.id,
      name: '冯晓东',
      isPartyMember: true,
      phone: '12345',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'phone', message: '“联系电话”格式不正确：请输入 11 位手机号或带区号的固定电话' },
    ]);
    expect(await count()).toBe(before);
    const ok = await call('officer', 'POST', '/api/v1/people', {
      orgId: fx.units.branchA.id,
      name: '冯晓东',
      isPartyMember: true,
      phone: '13912345678',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      name: '冯晓东',
      orgName: '办公室党支部',
      phone: '13912345678',
      isPartyMember: true,
      abilities: { update: true },
    });
    expect(names(await call('officer', 'GET', '/api/v1/people?q=fxd'))).toEqual(['冯晓东']);
    expect(
      (
        await call('officer', 'POST', '/api/v1/people', {
          orgId: fx.units.branchB.id,
          name: '越权',
          isPartyMember: false,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('transfers a person, moving their scope path, with before/after in the audit trail; stale versions get 409', async () => {
    const { call, fx, db } = h();
    const p = (await call('office', 'GET', `/api/v1/people/${fx.people.memberA2}`)).json();
    const moved = await call('office', 'POST', `/api/v1/people/${p.id}/transfer`, {
      orgId: fx.units.branchB.id,
      version: p.version,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().orgName).toBe('市容科党支部');
    const row = await db.selectFrom('people').select('orgPath').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.orgPath).toBe(fx.units.branchB.path);
    expect((await call('officer', 'GET', `/api/v1/people/${p.id}`)).statusCode).toBe(404);
    const audit = await db
      .selectFrom('auditEvents')
      .select(['before', 'after'])
      .where('entityType', '=', 'person')
      .where('entityId', '=', p.id)
      .where('action', '=', 'transfer')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!).orgName).toBe('办公室党支部');
    expect(JSON.parse(audit.after!).orgName).toBe('市容科党支部');
    const stale = await call('office', 'PATCH', `/api/v1/people/${p.id}`, { version: p.version, position: '副科长' });
    expect(stale.statusCode).toBe(409);
    const audits = await db
      .selectFrom('auditEvents')
      .select('id')
      .where('entityType', '=', 'person')
      .where('entityId', '=', p.id)
      .execute();
    expect(audits).toHaveLength(1);
  });
});
