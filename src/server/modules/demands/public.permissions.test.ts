/**
 * The routes anyone may call — the public page (你留言我来办, 公开的民生实事) and Open311 GeoReport v2 — against
 * every role and anonymous, on both databases: each answers the same whoever asks, since no login is involved
 * (Open311's POST asks for an api_key instead: without a valid one it is 403 for everybody, logged in or not).
 */
import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';
import { multipart } from '../../testing/multipart.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3c8f1b70000000049454e44ae426082',
  'hex',
);
const PHONE = '13512345678';
const ids = { demand: 0, code: '', apiKey: '' };
/** The same status for every account and anonymous. */
const everyone = (status: number) => ({ expect: { anonymous: status }, otherwise: status });
let phones = 0;
/** A fresh phone per message: the per-phone limit (5 an hour) is not what these rows try. */
const nextPhone = () => `1380000${String(1000 + ++phones).slice(-4)}`;

describeEachDb('permission matrix: public page and Open311', (h) => {
  it('setup: a demand with a tracking code, and an Open311 key', async () => {
    const res = await h().call('office', 'POST', '/api/v1/demands', {
      channel: 'hotline',
      kind: 'help',
      category: 'sanitation',
      description: '垃圾未清运',
      address: '某路',
      name: '王五',
      phone: PHONE,
      orgId: h().fx.units.root.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.demand = res.json().id;
    ids.code = res.json().trackingCode;
    const key = await h().call('admin', 'POST', '/api/v1/open311-keys', { name: '市级 12345 平台' });
    expect(key.statusCode, key.body).toBe(201);
    ids.apiKey = key.json().key;
  });

  permissionMatrix(h, [
    { label: 'public categories', method: 'GET', url: () => '/api/v1/public/categories', ...everyone(200) },
    {
      label: 'upload a photo for a message',
      method: 'POST',
      url: () => '/api/v1/public/photos',
      upload: () => multipart({ name: 'a.png', content: PNG, type: 'image/png' }),
      ...everyone(201),
    },
    {
      label: 'leave a message',
      method: 'POST',
      url: () => '/api/v1/public/demands',
      body: () => ({
        category: 'sanitation',
        description: '路灯不亮',
        address: '人民路',
        name: '群众',
        phone: nextPhone(),
      }),
      ...everyone(201),
    },
    {
      label: 'follow a message with its code and the phone’s last four digits',
      method: 'GET',
      url: () => `/api/v1/public/demands/${ids.code}?phone4=${PHONE.slice(-4)}`,
      ...everyone(200),
    },
    {
      label: 'follow a message with the wrong last four digits',
      method: 'GET',
      url: () => `/api/v1/public/demands/${ids.code}?phone4=0000`,
      ...everyone(404),
    },
    {
      label: 'rate a message not yet answered',
      method: 'POST',
      url: () => `/api/v1/public/demands/${ids.code}/rating`,
      body: () => ({ phone4: PHONE.slice(-4), satisfaction: 'satisfied' }),
      ...everyone(409),
    },
    { label: 'published practical matters', method: 'GET', url: () => '/api/v1/public/matters', ...everyone(200) },

    { label: 'Open311 discovery', method: 'GET', url: () => '/open311/v2/discovery.json', ...everyone(200) },
    { label: 'Open311 services (XML)', method: 'GET', url: () => '/open311/v2/services.xml', ...everyone(200) },
    {
      label: 'Open311 service definition',
      method: 'GET',
      url: () => '/open311/v2/services/sanitation.json',
      ...everyone(200),
    },
    { label: 'Open311 requests', method: 'GET', url: () => '/open311/v2/requests.json', ...everyone(200) },
    {
      label: 'Open311 one request',
      method: 'GET',
      url: () => `/open311/v2/requests/${ids.demand}.json`,
      ...everyone(200),
    },
    {
      label: 'Open311 a token',
      method: 'GET',
      url: () => `/open311/v2/tokens/${ids.code}.xml`,
      ...everyone(200),
    },
    {
      label: 'Open311 POST a request without an api_key',
      method: 'POST',
      url: () => '/open311/v2/requests.json',
      body: () => ({ service_code: 'sanitation', description: '路灯不亮', address_string: '人民路' }),
      ...everyone(403),
      errorType: 'application/json', // Open311's own error list, [{ code, description }]
    },
    {
      label: 'Open311 POST a request with an unknown api_key',
      method: 'POST',
      url: () => '/open311/v2/requests.json',
      body: () => ({
        api_key: 'x'.repeat(40),
        service_code: 'sanitation',
        description: '路灯不亮',
        address_string: '人民路',
      }),
      ...everyone(403),
      errorType: 'application/json', // Open311's own error list, [{ code, description }]
    },
    {
      label: 'Open311 POST a request with the issued api_key',
      method: 'POST',
      url: () => '/open311/v2/requests.xml',
      body: () => ({
        api_key: ids.apiKey,
        service_code: 'sanitation',
        description: '路灯不亮',
        address_string: '人民路',
      }),
      ...everyone(201),
    },
  ]);
});
