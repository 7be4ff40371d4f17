import { Type } from 'typebox';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';
import { fixtureCampaign } from '../testing/fixture.ts';
import { boundSchema, DEFAULT_MAX_LENGTH, INT_MAX, INT_MIN } from './bounds.ts';
import { nulPath } from './input-guard.ts';

/** A schema read back by property paths. */
interface Walked {
  [key: string]: unknown;
  properties: Record<string, Walked>;
  anyOf: Walked[];
  items: Walked;
}

it('bounds integers, numbers and free strings everywhere in a schema, keeping tighter bounds', () => {
  const schema = boundSchema(
    Type.Object({
      id: Type.Integer({ minimum: 1 }),
      n: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
      list: Type.Array(Type.Object({ x: Type.Integer({ maximum: 10 }), s: Type.String() })),
      kind: Type.Union([Type.Literal('a'), Type.Literal('b')]),
      short: Type.String({ maxLength: 20 }),
    }),
  ) as unknown as Walked;
  expect(schema.properties.id).toMatchObject({ minimum: 1, maximum: INT_MAX });
  expect(schema.properties.n.anyOf[0]).toMatchObject({ minimum: INT_MIN, maximum: INT_MAX });
  expect(schema.properties.list.items.properties.x).toMatchObject({ minimum: INT_MIN, maximum: 10 });
  expect(schema.properties.list.items.properties.s.maxLength).toBe(DEFAULT_MAX_LENGTH);
  expect(schema.properties.short.maxLength).toBe(20);
  expect(schema.properties.kind.anyOf[0].maxLength).toBeUndefined();
});

it('finds a NUL in any string or key, however deep', () => {
  expect(nulPath({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toBe('a.1.c');
  expect(nulPath({ 'k\u0000': 1 })).toBe('k\u0000');
  expect(nulPath({ a: 'fine', b: [1, 2, '三'] })).toBeNull();
});

describeEachDb('input the databases cannot store', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  it('answers ids past 32 bits, Infinity and NUL with a 400 naming the field, signed in or not', async () => {
    const cases: Array<[string | null, string, string, unknown?]> = [
      ['admin', 'GET', '/api/v1/orgs/2147483648'],
      ['admin', 'GET', '/api/v1/orgs/9223372036854775808'],
      ['admin', 'GET', '/api/v1/problems?campaignId=99999999999'],
      ['admin', 'GET', '/api/v1/problems?campaignId=1e400'],
      ['admin', 'GET', `/api/v1/problems?campaignId=${campaignId}&q=%00%00%00`],
      [null, 'POST', '/api/v1/session', { username: 'a\u0000', password: 'x' }],
      ['admin', 'POST', '/api/v1/orgs', { parentId: 2 ** 31, name: '单位', type: 'branch' }],
    ];
    for (const [user, method, url, body] of cases) {
      const res = await h().call(user, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().errors?.length, `${method} ${url}`).toBeGreaterThan(0);
    }
    // JSON's 1e400 parses to Infinity: not an integer.
    const inf = await h().app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: `{"parentId":1e400,"name":"单位","type":"branch"}`,
      headers: { 'content-type': 'application/json', cookie: await h().cookie('admin') },
    });
    expect(inf.statusCode).toBe(400);
    expect(inf.json().errors[0].path).toBe('parentId');
  });
});
