/**
 * The citizens' page without login: leave a message with a photo, follow it with the code and the phone's
 * last four digits, rate the answer; no public response ever carries a name or a phone number; abuse is
 * limited per address (429), per phone, by photo type and size, and by a honeypot.
 */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3c8f1b70000000049454e44ae426082',
  'hex',
);

const mp = (name: string, content: Buffer) => {
  const m = multipart({ name, content, type: 'image/png' });
  return { body: m.payload, headers: m.headers };
};

let ip = 0;
/** Each call from its own address unless told, so the per-address limit only bites where a test wants it. */
const inject = (
  h: Harness,
  opts: { method?: string; url: string; payload?: unknown; headers?: Record<string, string>; from?: string },
) =>
  h.app.inject({
    method: (opts.method ?? 'GET') as 'GET',
    url: opts.url,
    payload: opts.payload as string,
    headers: opts.headers,
    remoteAddress: opts.from ?? `10.0.${Math.floor(++ip / 250)}.${ip % 250}`,
  });

async function leave(h: Harness, body: Record<string, unknown>) {
  const res = await inject(h, { method: 'POST', url: '/api/v1/public/demands', payload: body });
  return res;
}

describeEachDb('public page: 你留言我来办', (h) => {
  const responses: string[] = [];
  const names = ['欧阳娜娜', '司马相如', '诸葛明'];
  const phones = ['13711112222', '15933334444', '18655556666'];

  it('a citizen leaves a message with a photo and gets a tracking code; follows it and rates the answer', async () => {
    const cats = await inject(h(), { url: '/api/v1/public/categories' });
    expect(cats.statusCode).toBe(200);
    expect(cats.json()[0]).toEqual({ code: expect.any(String), name: expect.any(String), group: expect.any(String) });
    const upload = mp('a.png', PNG);
    const photo = await inject(h(), {
      method: 'POST',
      url: '/api/v1/public/photos',
      payload: upload.body,
      headers: upload.headers,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const res = await leave(h(), {
      category: 'street_vending',
      description: '菜场门口占道经营，早高峰堵路',
      address: '解放路菜场',
      lat: 30.26,
      long: 120.17,
      name: names[0],
      phone: phones[0],
      photoIds: [photo.json().id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { trackingCode } = res.json();
    responses.push(res.body);
    expect((await inject(h(), { url: `/api/v1/public/demands/${trackingCode}?phone4=0000` })).statusCode).toBe(404);
    const view = await inject(h(), { url: `/api/v1/public/demands/${trackingCode}?phone4=${phones[0].slice(-4)}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ status: 'received', categoryName: '占道经营', rateable: false });
    responses.push(view.body);
    const early = await inject(h(), {
      method: 'POST',
      url: `/api/v1/public/demands/${trackingCode}/rating`,
      payload: { phone4: phones[0].slice(-4), satisfaction: 'satisfied' },
    });
    expect(early.statusCode).toBe(409);
    // Staff handle it.
    const id = (await h().call('office', 'GET', `/api/v1/demands?trackingCode=${trackingCode}`)).json().items[0].id;
    const step = async (who: string, body: Record<string, unknown>) => {
      const v = (await h().call('office', 'GET', `/api/v1/demands/${id}`)).json().version;
      const r = await h().call(who, 'POST', `/api/v1/demands/${id}/transitions`, { ...body, version: v });
      expect(r.statusCode, r.body).toBe(200);
    };
    await step('office', { action: 'dispatch', orgId: h().fx.units.branchA.id });
    await step('officer', { action: 'accept' });
    await step('officer', { action: 'answer', answer: '已劝离摊贩并设置临时疏导点' });
    const answered = await inject(h(), { url: `/api/v1/public/demands/${trackingCode}?phone4=${phones[0].slice(-4)}` });
    expect(answered.json()).toMatchObject({ status: 'answered', answer: '已劝离摊贩并设置临时疏导点', rateable: true });
    responses.push(answered.body);
    const rated = await inject(h(), {
      method: 'POST',
      url: `/api/v1/public/demands/${trackingCode}/rating`,
      payload: { phone4: phones[0].slice(-4), satisfaction: 'satisfied' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().satisfaction).toBe('satisfied');
    responses.push(rated.body);
    const staff = (await h().call('office', 'GET', `/api/v1/demands/${id}`)).json();
    expect(staff.satisfaction).toBe('satisfied');
    expect(staff.photos).toHaveLength(1);
  });

  it('no response of any public route contains a name or a phone number (random messages)', async () => {
    // A fresh phone per run: the per-phone limit (5 an hour) must not be what this property meets.
    const used: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 }), fc.boolean(), async (i, confidential) => {
        const phone = `1370571${String(1000 + used.length).padStart(4, '0')}`;
        used.push(phone);
        const res = await leave(h(), {
          category: 'noise',
          description: `夜里施工噪声，请联系我 ${phone}`,
          address: '滨江小区 3 幢',
          name: names[i],
          phone,
          confidential,
        });
        expect(res.statusCode, res.body).toBe(201);
        const code = res.json().trackingCode;
        const view = await inject(h(), { url: `/api/v1/public/demands/${code}?phone4=${phone.slice(-4)}` });
        responses.push(res.body, view.body);
      }),
      { numRuns: 6 },
    );
    for (const url of ['/open311/v2/requests.json', '/open311/v2/requests.xml', '/api/v1/public/categories'])
      responses.push((await inject(h(), { url })).body);
    for (const body of responses) {
      for (const n of names) expect(body).not.toContain(n);
      for (const p of [...phones, ...used]) expect(body).not.toContain(p);
    }
  });

  it('abuse controls: per-address 429, per-phone limit, photo type and size, the honeypot stores nothing', async () => {
    const from = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await inject(h(), { method: 'POST', url: '/api/v1/public/demands', payload: {}, from })).statusCode,
      );
    expect(statuses).toContain(429);
    const limited = await inject(h(), { method: 'POST', url: '/api/v1/public/demands', payload: {}, from });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');

    const phone = '13099998888';
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (await leave(h(), { category: 'other', description: `第${i}条`, address: '某地', name: '甲', phone }))
          .statusCode,
      );
    expect(codes.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(codes[5]).toBe(429);

    const text = mp('a.png', Buffer.from('not an image'));
    expect(
      (await inject(h(), { method: 'POST', url: '/api/v1/public/photos', payload: text.body, headers: text.headers }))
        .statusCode,
    ).toBe(400);
    const big = mp('big.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    expect(
      (await inject(h(), { method: 'POST', url: '/api/v1/public/photos', payload: big.body, headers: big.headers }))
        .statusCode,
    ).toBe(413);

    const before = await h()
      .db.selectFrom('demands')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bot = await leave(h(), {
      category: 'other',
      description: '广告',
      address: 'x',
      name: 'bot',
      phone: '13100000000',
      website: 'http://spam',
    });
    expect(bot.statusCode).toBe(201);
    const after = await h()
      .db.selectFrom('demands')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const bad = await leave(h(), { category: 'other', description: 'x', address: 'x', name: 'x', phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('联系电话');
  });
});
