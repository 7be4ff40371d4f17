import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

describeEachDb('#users', (h) => {
  it('creates an account, refuses a duplicate username with 409 and a weak password with 400', async () => {
    const { fx, call } = h();
    const created = await call('admin', 'POST', '/api/v1/users', { username: 'newbie', displayName: '新同志', personId: fx.people.memberA2, password: 'abc12345' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'newbie', personName: '钱多多', orgName: '办公室党支部', active: true, grants: [] });
    expect(created.body).not.toContain('passwordHash');

    const dup = await call('admin', 'POST', '/api/v1/users', { username: 'newbie', displayName: '另一个', password: 'abc12345' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('username_taken');
    expect(dup.json().detail).toContain('用户名');

    const weak = await call('admin', 'POST', '/api/v1/users', { username: 'weak', displayName: '弱', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().detail).toContain('密码');
    expect((await call('admin', 'GET', '/api/v1/users?q=weak')).json().total).toBe(0);
  });

  it('lists accounts with their grants and filters by role', async () => {
    const { call } = h();
    const res = await call('admin', 'GET', '/api/v1/users?role=leader');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { username: string }) => u.username)).toEqual(['leader']);
    expect(res.json().items[0].grants[0]).toMatchObject({ role: 'leader', scopeKind: 'assigned', orgName: '市局党委' });
  });

  it('validates grant shapes: all only for admin, subtree needs a unit, group/own take none', async () => {
    const { fx, call } = h();
    const id = fx.users.member;
    const bad = [
      { role: 'office', scopeKind: 'all' },
      { role: 'office', scopeKind: 'subtree' },
      { role: 'supervisor', scopeKind: 'group', orgId: fx.units.root.id },
      { role: 'member', scopeKind: 'own', orgId: fx.units.root.id },
      { role: 'nobody', scopeKind: 'own' },
    ];
    for (const body of bad) expect((await call('admin', 'POST', `/api/v1/users/${id}/grants`, body)).statusCode).toBe(400);
    const assigned = await call('admin', 'POST', `/api/v1/users/${id}/grants`, { role: 'leader', scopeKind: 'assigned' });
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json()).toMatchObject({ orgId: fx.units.branchA.id, orgName: '办公室党支部' });
    const me = (await call('member', 'GET', '/api/v1/me')).json();
    expect(me.roles).toContain('leader');
    expect(me.scope.unitOrgIds).toContain(fx.units.branchA.id);
    expect((await call('admin', 'DELETE', `/api/v1/users/${id}/grants/${assigned.json().id}`)).statusCode).toBe(204);
    expect((await call('member', 'GET', '/api/v1/me')).json().roles).toEqual(['member']);
  });

  it('issues an API token shown once, stores only its hash, accepts it as Bearer and refuses it once revoked', async () => {
    const { fx, app, db, call } = h();
    const created = await call('admin', 'POST', `/api/v1/users/${fx.users.officer}/tokens`, { name: '数据交换脚本' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    const stored = await db.selectFrom('apiTokens').select('tokenHash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toBe(token);
    const list = await call('admin', 'GET', `/api/v1/users/${fx.users.officer}/tokens`);
    expect(list.body).not.toContain(token);

    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('officer');

    expect((await call('admin', 'DELETE', `/api/v1/users/${fx.users.officer}/tokens/${id}`)).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    const audit = await db.selectFrom('auditEvents').select(['before', 'after']).where('entityType', '=', 'user').execute();
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('resets a password: the old one stops working, the new one logs in, and the audit keeps no hash', async () => {
    const { fx, app, db, call } = h();
    const made = (await call('admin', 'POST', '/api/v1/users', { username: 'resetme', displayName: '重置', password: 'first1234' })).json();
    expect((await call('admin', 'POST', `/api/v1/users/${made.id}/password`, { password: 'x' })).statusCode).toBe(400);
    expect((await call('admin', 'POST', `/api/v1/users/${made.id}/password`, { password: 'second1234' })).statusCode).toBe(204);
    const login = (password: string) => app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'resetme', password } });
    expect((await login('first1234')).statusCode).toBe(401);
    expect((await login('second1234')).statusCode).toBe(200);
    const audit = await db.selectFrom('auditEvents').selectAll().where('entityType', '=', 'user').execute();
    expect(JSON.stringify(audit)).not.toMatch(/argon2|passwordHash|second1234/);
    expect(fx.users.admin).toBeGreaterThan(0);
  });

  it('deactivating an account ends its sessions at once; a stale version is 409', async () => {
    const { fx, app, call } = h();
    const made = (await call('admin', 'POST', '/api/v1/users', { username: 'leaving', displayName: '调离', password: 'leave1234' })).json();
    const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'leaving', password: 'leave1234' } });
    const cookie = `tz_session=${login.cookies.find((c) => c.name === 'tz_session')!.value}`;
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(200);
    const off = await call('admin', 'PATCH', `/api/v1/users/${made.id}`, { version: made.version, active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await call('admin', 'PATCH', `/api/v1/users/${made.id}`, { version: made.version, displayName: 'x' })).statusCode).toBe(409);
    expect((await call('admin', 'PATCH', `/api/v1/users/${fx.users.admin}`, { version: 1, active: false })).statusCode).toBe(400);
  });

  it('is the admin’s alone: every other role gets 403, anonymous 401', async () => {
    const { fx, call } = h();
    for (const who of ['office', 'secretary', 'officer', 'member']) {
      expect((await call(who, 'GET', '/api/v1/users')).statusCode).toBe(403);
      expect((await call(who, 'POST', `/api/v1/users/${fx.users.member}/grants`, { role: 'admin', scopeKind: 'all' })).statusCode).toBe(403);
    }
    expect((await call(null, 'GET', '/api/v1/users')).statusCode).toBe(401);
  });
});
