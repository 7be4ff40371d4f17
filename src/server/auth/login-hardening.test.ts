import { expect, it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';
import { FIXTURE_PASSWORD } from '../testing/fixture.ts';

describeEachDb('#session hardening', (h) => {
  const login = (username: string, password: string, ip = '10.0.0.1') =>
    h().app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password }, remoteAddress: ip });

  it('refuses the 6th wrong password within 15 minutes with 429 problem+json, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('secretary', 'wrong-pass1')).statusCode).toBe(401);
    const sixth = await login('secretary', 'wrong-pass1');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['content-type']).toContain('application/problem+json');
    expect(sixth.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(sixth.json().detail).toMatch(/15 分钟/);
    expect((await login('secretary', FIXTURE_PASSWORD)).statusCode).toBe(429);
  });

  it('a correct login resets the failure count', async () => {
    for (let i = 0; i < 4; i++) expect((await login('leader', 'wrong-pass1', '10.0.0.2')).statusCode).toBe(401);
    expect((await login('leader', FIXTURE_PASSWORD, '10.0.0.2')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login('leader', 'wrong-pass1', '10.0.0.2')).statusCode).toBe(401);
    expect((await login('leader', 'wrong-pass1', '10.0.0.2')).statusCode).toBe(429);
  });

  it('sets an HttpOnly, SameSite session cookie and DELETE /session logs out', async () => {
    const res = await login('officer', FIXTURE_PASSWORD, '10.0.0.3');
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((k) => k.name === 'tz_session')!;
    expect(c.httpOnly).toBe(true);
    expect(String(c.sameSite).toLowerCase()).toMatch(/lax|strict/);
    expect(c.path).toBe('/');
    const cookie = `tz_session=${c.value}`;
    const me = await h().app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json().username).toBe('officer');
    expect((await h().app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(204);
    const after = await h().app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
  });

  it('a deactivated user’s open session stops working and they cannot log in again', async () => {
    const { fx, call, app } = h();
    const res = await login('outsider', FIXTURE_PASSWORD, '10.0.0.4');
    const cookie = `tz_session=${res.cookies.find((k) => k.name === 'tz_session')!.value}`;
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(200);
    const user = (await call('admin', 'GET', `/api/v1/users/${fx.users.outsider}`)).json();
    expect((await call('admin', 'PATCH', `/api/v1/users/${fx.users.outsider}`, { version: user.version, active: false })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/v1/orgs/${fx.units.branchC.id}`, headers: { cookie } })).statusCode).toBe(401);
    expect((await login('outsider', FIXTURE_PASSWORD, '10.0.0.4')).statusCode).toBe(401);
  });
});
