import { expect, it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';
import { multipart, PDF_BYTES } from '../testing/multipart.ts';
import { passwordProblem } from '../auth/passwords.ts';

describeEachDb('cross-site requests, password resets, password policy', (h) => {
  it('refuses a state-changing cookie request from another site, the web app’s own included as allowed', async () => {
    const cookie = await h().cookie('officer');
    const body = multipart({ name: 'a.pdf', content: PDF_BYTES });
    const send = (headers: Record<string, string>) =>
      h().app.inject({
        method: 'POST',
        url: '/api/v1/attachments',
        payload: body.payload,
        headers: { ...body.headers, cookie, host: 'taizhang.example', ...headers },
      });
    const hostile: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of hostile) {
      const res = await send(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toMatch(/跨站请求/);
    }
    // The web app's own fetch (same origin), and a script without a browser (no Origin), still work.
    expect((await send({ origin: 'http://taizhang.example', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect((await send({})).statusCode).toBe(201);
    // Reading is not state-changing: a cross-site GET is judged by the usual rules.
    const read = await h().app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie, origin: 'http://evil.example' },
    });
    expect(read.statusCode).toBe(200);
  });

  it('revokes the API tokens of an account whose password is reset, with its sessions', async () => {
    const { call, app, fx } = h();
    const token = await call('admin', 'POST', `/api/v1/users/${fx.users.secretary}/tokens`, { name: '脚本' });
    const bearer = { authorization: `Bearer ${token.json().token}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);
    const reset = await call('admin', 'POST', `/api/v1/users/${fx.users.secretary}/password`, {
      password: 'Xk93mnb-ledger',
    });
    expect(reset.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
  });

  it('refuses a password containing the username or among the common ones', async () => {
    const { call, fx } = h();
    for (const password of ['leader2026', 'Password123', 'woaini1314']) {
      const res = await call('admin', 'POST', `/api/v1/users/${fx.users.leader}/password`, { password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors[0].path).toBe('password');
    }
  });
});

it('states the policy in Chinese', () => {
  expect(passwordProblem('short1')).toMatch(/至少 8 个字符/);
  expect(passwordProblem('Officer-99', 'officer')).toBe('密码不能包含用户名');
  expect(passwordProblem('Admin123')).toMatch(/常见密码/);
  expect(passwordProblem('Xk93mnb-ledger', 'officer')).toBeNull();
});
