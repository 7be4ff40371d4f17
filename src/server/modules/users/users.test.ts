import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

describeEachDb('#users', (h) => {
  it('lets only the admin manage accounts', async () => {
    const { call } = h();
    expect((await call('office', 'GET', '/api/v1/users')).statusCode).toBe(403);
    expect(
      (
        await call('member', 'POST', '/api/v1/users', {
          username: 'xyz1',
          displayName: 'x',
          password: 'abc12345-ledger',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(null, 'GET', '/api/v1/users')).statusCode).toBe(401);
    const list = await call('admin', 'GET', '/api/v1/users?role=officer');
    expect(
      list
        .json()
        .items.map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(['officer', 'outsider']);
  });

  it('creates an account, grants a scoped role, and the new user sees exactly that subtree', async () => {
    const { call, fx, app } = h();
    const created = await call('admin', 'POST', '/api/v1/users', {
      username: 'newofficer',
      displayName: '新支书',
      password: 'abc12345-ledger',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const granted = await call('admin', 'POST', `/api/v1/users/${id}/grants`, {
      role: 'officer',
      scopeKind: 'subtree',
      orgId: fx.units.branchB.id,
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json().grants).toEqual([expect.objectContaining({ role: 'officer', orgName: '市容科党支部' })]);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'newofficer', password: 'abc12345-ledger' },
    });
    const cookie = `tz_session=${login.cookies.find((c) => c.name === 'tz_session')!.value}`;
    const orgs = await app.inject({ method: 'GET', url: '/api/v1/orgs', headers: { cookie } });
    expect(orgs.json().items.map((o: { id: number }) => o.id)).toEqual([fx.units.branchB.id]);
    const dup = await call('admin', 'POST', '/api/v1/users', {
      username: 'newofficer',
      displayName: 'x',
      password: 'abc12345-ledger',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('username_taken');
  });

  it('rejects weak passwords and nonsensical grants, naming the field', async () => {
    const { call, fx } = h();
    const weak = await call('admin', 'POST', '/api/v1/users', {
      username: 'weak',
      displayName: 'x',
      password: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ path: 'password' });
    expect(weak.json().detail).toContain('密码');
    const users = (await call('admin', 'GET', '/api/v1/users?q=member')).json().items;
    const bad = await call('admin', 'POST', `/api/v1/users/${users[0].id}/grants`, {
      role: 'office',
      scopeKind: 'all',
    });
    expect(bad.statusCode).toBe(400);
    const noOrg = await call('admin', 'POST', `/api/v1/users/${users[0].id}/grants`, {
      role: 'office',
      scopeKind: 'subtree',
    });
    expect(noOrg.json().errors[0].path).toBe('orgId');
    expect(fx.units.root.id).toBeGreaterThan(0);
  });

  it('issues an API token that works as Bearer until revoked, and never stores or audits the secret', async () => {
    const { call, app, db, fx } = h();
    const token = await call('admin', 'POST', `/api/v1/users/${fx.users.office}/tokens`, { name: '12345 平台对接' });
    expect(token.statusCode).toBe(201);
    const secret = token.json().token as string;
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } });
    expect(me.json().username).toBe('office');
    const audits = await db.selectFrom('auditEvents').select(['before', 'after']).execute();
    expect(JSON.stringify(audits)).not.toContain(secret);
    const stored = await db.selectFrom('apiTokens').select('tokenHash').execute();
    expect(stored.map((s) => s.tokenHash)).not.toContain(secret);
    await call('admin', 'DELETE', `/api/v1/users/${fx.users.office}/tokens/${token.json().id}`);
    const after = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('deactivating an account ends its session at once', async () => {
    const { call, fx, app } = h();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'supervisor', password: 'Passw0rd!' },
    });
    const cookie = `tz_session=${login.cookies.find((c) => c.name === 'tz_session')!.value}`;
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(200);
    const user = (await call('admin', 'GET', `/api/v1/users/${fx.users.supervisor}`)).json();
    expect(
      (await call('admin', 'PATCH', `/api/v1/users/${user.id}`, { version: user.version, active: false })).statusCode,
    ).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('a password reset ends the sessions at once, though the server keeps looked-up sessions for a moment', async () => {
    const { call, fx, app } = h();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'leader', password: 'Passw0rd!' },
    });
    const cookie = `tz_session=${login.cookies.find((c) => c.name === 'tz_session')!.value}`;
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(200);
    const reset = await call('admin', 'POST', `/api/v1/users/${fx.users.leader}/password`, {
      password: 'Fresh-ledger-2026',
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses to let the admin deactivate their own account (400 naming the field)', async () => {
    const { call, fx } = h();
    const me = (await call('admin', 'GET', `/api/v1/users/${fx.users.admin}`)).json();
    const res = await call('admin', 'PATCH', `/api/v1/users/${fx.users.admin}`, { version: me.version, active: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('active');
    expect((await call('admin', 'GET', '/api/v1/me')).statusCode).toBe(200);
  });
});

describeEachDb('#session', (h) => {
  it('sets an HttpOnly SameSite cookie, logs out, and throttles repeated wrong passwords', async () => {
    const { app } = h();
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'leader', password: 'Passw0rd!' },
    });
    const c = ok.cookies.find((k) => k.name === 'tz_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    const cookie = `tz_session=${c.value}`;
    await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);

    for (let i = 0; i < 5; i++) {
      const bad = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'leader', password: 'wrong' },
      });
      expect(bad.statusCode).toBe(401);
      expect(bad.json().detail).toBe('用户名或密码错误');
    }
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'leader', password: 'Passw0rd!' },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
  });
});
