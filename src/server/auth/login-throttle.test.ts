import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../testing/harness.ts';
import { FIXTURE_PASSWORD } from '../testing/fixture.ts';
import { buildApp } from '../app.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { backoffSeconds, MAX_BACKOFF_SECONDS, MAX_PER_ADDRESS_AND_USER } from './login-throttle.ts';

const login = (h: Harness, username: string, password: string, from = '127.0.0.1', headers = {}) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password },
    remoteAddress: from,
    headers,
  });

/** Moves every recorded attempt `ms` into the past (time passing, without waiting). */
async function age(h: Harness, ms: number) {
  const rows = await h.db.selectFrom('loginAttempts').select(['id', 'at']).execute();
  for (const r of rows)
    await h.db
      .updateTable('loginAttempts')
      .set({ at: new Date(Date.parse(r.at) - ms).toISOString() })
      .where('id', '=', r.id)
      .execute();
}

const clear = (h: Harness) => h.db.deleteFrom('loginAttempts').execute();

describeEachDb('login throttle', (h) => {
  it('checks at most five passwords of a concurrent burst from one address, the right one among them', async () => {
    await clear(h());
    const passwords = Array.from({ length: 40 }, (_, i) => (i === 20 ? FIXTURE_PASSWORD : `wrong-${i}`));
    const answers = await Promise.all(passwords.map((p) => login(h(), 'office', p)));
    const checked = answers.filter((r) => r.statusCode === 401 || r.statusCode === 200);
    // (On PostgreSQL all forty may be written before any counts: then none is checked, which is the safe side.)
    expect(checked.length).toBeLessThanOrEqual(MAX_PER_ADDRESS_AND_USER);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused.length + checked.length).toBe(40);
    expect(refused[0].headers['retry-after']).toBeDefined();
    expect(refused[0].headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('checks at most five passwords of a burst from forty addresses: the username backs off', async () => {
    await clear(h());
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(h(), 'secretary', `wrong-${i}`, `10.1.0.${i + 1}`)),
    );
    // Five free tries, then one per doubling wait: a slow machine's burst lasting t seconds adds at most log2(t)+1.
    const seconds = (Date.now() - started) / 1000;
    const allowed = 5 + Math.floor(Math.log2(seconds + 1)) + 1;
    expect(answers.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(allowed);
    expect(answers.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(40 - allowed);
  });

  it('ignores a client-supplied X-Forwarded-For by default: rotating it does not reset the count', async () => {
    await clear(h());
    const codes = [];
    for (let i = 0; i < 8; i++)
      codes.push(
        (await login(h(), 'leader', 'wrong', '127.0.0.1', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('lets the owner in from their own address after a stranger failed for their account', async () => {
    await clear(h());
    for (let i = 0; i < 8; i++) await login(h(), 'officer', 'wrong', '198.51.100.7');
    expect((await login(h(), 'officer', FIXTURE_PASSWORD, '198.51.100.7')).statusCode).toBe(429);
    // Right after the stranger's failures the owner is asked to wait a moment (the backoff), not 15 minutes…
    const soon = await login(h(), 'officer', FIXTURE_PASSWORD, '192.0.2.10');
    if (soon.statusCode === 429) expect(Number(soon.headers['retry-after'])).toBeLessThanOrEqual(MAX_BACKOFF_SECONDS);
    // …and once it has passed, gets in; the stranger's address stays refused.
    await age(h(), MAX_BACKOFF_SECONDS * 1000);
    expect((await login(h(), 'officer', FIXTURE_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
    expect((await login(h(), 'officer', FIXTURE_PASSWORD, '198.51.100.7')).statusCode).toBe(429);
  });

  it('answers an unknown username like a wrong password, counted the same way', async () => {
    await clear(h());
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await login(h(), 'nobody-here', 'wrong', '192.0.2.99')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    await clear(h());
    const config = { ...h().app.config, trustedProxies: ['127.0.0.1'] };
    const app = await buildApp({ db: h().db, config });
    try {
      const from = (client: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: 'supervisor', password: 'wrong' },
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < 5; i++) expect((await from('203.0.113.1')).statusCode).toBe(401);
      await age(h(), MAX_BACKOFF_SECONDS * 1000);
      // The proxy's clients are told apart: the first is refused, the second still has its password checked.
      expect((await from('203.0.113.1')).statusCode).toBe(429);
      expect((await from('203.0.113.2')).statusCode).toBe(401);
      const rows = await h().db.selectFrom('loginAttempts').select('ip').distinct().execute();
      expect(rows.map((r) => r.ip).sort()).toEqual(['203.0.113.1', '203.0.113.2']);
    } finally {
      await app.close();
    }
  });
});

it('doubles the wait per failure past five, capped at a minute', () => {
  expect([0, 4, 5, 6, 7, 10, 30].map(backoffSeconds)).toEqual([0, 0, 1, 2, 4, 32, 60]);
});

it('reads TAIZHANG_TRUSTED_PROXIES as addresses and ranges, and names the variable when wrong', () => {
  expect(loadConfig({}).trustedProxies).toEqual([]);
  expect(loadConfig({ TAIZHANG_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1' }).trustedProxies).toEqual([
    '127.0.0.1',
    '10.0.0.0/8',
    '::1',
  ]);
  expect(() => loadConfig({ TAIZHANG_TRUSTED_PROXIES: 'proxy.local' })).toThrow(ConfigError);
  expect(() => loadConfig({ TAIZHANG_TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TAIZHANG_TRUSTED_PROXIES/);
});
