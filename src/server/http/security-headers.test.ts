import { expect, it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';
import { securityHeaders } from './security-headers.ts';

describeEachDb('security headers', (h) => {
  it('sends helmet’s headers, worked out once, on answers, errors and unknown paths alike', async () => {
    const headers = await securityHeaders();
    const names = headers.map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining(['content-security-policy', 'strict-transport-security', 'x-content-type-options']),
    );
    expect(Object.fromEntries(headers)['content-security-policy']).toContain("frame-ancestors 'self'");
    for (const url of ['/api/v1/health', '/api/v1/problems', '/api/v1/no-such-thing']) {
      const res = await h().app.inject({ method: 'GET', url });
      for (const [name, value] of headers) expect(res.headers[name], `${url} ${name}`).toBe(value);
    }
  });
});
