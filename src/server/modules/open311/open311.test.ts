/**
 * Open311 GeoReport v2: every JSON response validates against the community schemas (test/fixtures, from
 * open311/schema-validation), the XML carries the same content, errors have the standard shape, and a POST
 * without a valid api_key is 403.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describeEachDb, type Harness } from '../../testing/harness.ts';

const dir = path.resolve(import.meta.dirname, '../../../../test/fixtures/open311-georeport-v2');
const ajv = new Ajv({ strict: false, allErrors: true });
(addFormatsModule as unknown as (a: Ajv) => Ajv)(ajv);
for (const f of ['request', 'requests', 'service', 'services', 'service-definition'])
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), 'utf8')), `${f}.json`);
const valid = (schema: string, data: unknown) => {
  const ok = ajv.validate(schema, data);
  if (!ok) throw new Error(`${schema}: ${ajv.errorsText()}`);
  return ok;
};
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'error', 'endpoint', 'format'].includes(name),
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
async function post(h: Harness, fields: Record<string, string>, format = 'json') {
  return h.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
}

describeEachDb('open311: GeoReport v2', (h) => {
  let apiKey = '';
  it('an admin issues a key; nobody else may', async () => {
    expect((await h().call('office', 'POST', '/api/v1/open311-keys', { name: '市级平台' })).statusCode).toBe(403);
    const res = await h().call('admin', 'POST', '/api/v1/open311-keys', { name: '市级平台' });
    expect(res.statusCode).toBe(201);
    apiKey = res.json().key;
    expect(JSON.stringify((await h().call('admin', 'GET', '/api/v1/open311-keys')).json())).not.toContain(apiKey);
  });

  it('discovery and services in JSON and XML, with the same content', async () => {
    const d = await h().app.inject({ url: '/open311/v2/discovery.json' });
    expect(d.statusCode).toBe(200);
    expect(d.json().endpoints[0].formats).toEqual(['text/xml', 'application/json']);
    const dx = xml.parse((await h().app.inject({ url: '/open311/v2/discovery.xml' })).body);
    expect(dx.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
    const s = await h().app.inject({ url: '/open311/v2/services.json' });
    expect(s.headers['content-type']).toContain('application/json');
    const services = s.json();
    valid('services.json', services);
    for (const one of services) valid('service.json', one);
    expect(services.map((x: { service_code: string }) => x.service_code)).toContain('sanitation');
    const sx = await h().app.inject({ url: '/open311/v2/services.xml' });
    expect(sx.headers['content-type']).toContain('text/xml');
    const parsed = xml.parse(sx.body).services.service;
    expect(parsed.map((x: { service_code: string }) => x.service_code)).toEqual(
      services.map((x: { service_code: string }) => x.service_code),
    );
    expect(parsed[0].service_name).toBe(services[0].service_name);
    const def = (await h().app.inject({ url: '/open311/v2/services/sanitation.json' })).json();
    valid('service-definition.json', def);
    const public_ = (await h().call(null, 'GET', '/api/v1/public/categories')).json();
    expect(public_.map((c: { code: string }) => c.code)).toEqual(
      services.map((x: { service_code: string }) => x.service_code),
    );
  });

  it('POST requests needs a valid api_key (403), creates a demand, and GET returns it in both formats', async () => {
    const fields = {
      service_code: 'street_light',
      lat: '30.27',
      long: '120.15',
      address_string: '延安路与庆春路口',
      description: '<b>路灯</b>连续三晚不亮，电话 13800001111',
      first_name: '小红',
      last_name: '林',
      phone: '13800001111',
    };
    const none = await post(h(), fields);
    expect(none.statusCode).toBe(403);
    expect(none.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    const wrong = await post(h(), { ...fields, api_key: 'nope' }, 'xml');
    expect(wrong.statusCode).toBe(403);
    expect(xml.parse(wrong.body).errors.error[0].code).toBe('403');
    const created = await post(h(), { ...fields, api_key: apiKey });
    expect(created.statusCode, created.body).toBe(201);
    const [{ service_request_id, token }] = created.json();
    expect(typeof service_request_id).toBe('string');
    const one = await h().app.inject({ url: `/open311/v2/requests/${service_request_id}.json` });
    const body = one.json();
    valid('requests.json', body);
    valid('request.json', body[0]);
    expect(body[0]).toMatchObject({ service_code: 'street_light', status: 'open', lat: 30.27, long: 120.15 });
    expect(body[0].description).not.toContain('<b>');
    expect(one.body).not.toContain('13800001111');
    expect(one.body).not.toContain('林小红');
    const asXml = xml.parse((await h().app.inject({ url: `/open311/v2/requests/${service_request_id}.xml` })).body);
    const r = asXml.service_requests.request[0];
    expect(r.service_request_id).toBe(service_request_id);
    expect(r.description).toBe(body[0].description);
    expect(r.status).toBe('open');
    // It is the same demand record staff work on.
    const staff = (await h().call('office', 'GET', `/api/v1/demands/${service_request_id}`)).json();
    expect(staff.channel).toBe('open311');
    expect(staff.trackingCode).toBe(token);
    const tok = (await h().app.inject({ url: `/open311/v2/tokens/${token}.json` })).json();
    expect(tok).toEqual([{ service_request_id, token }]);
    const list = (
      await h().app.inject({ url: '/open311/v2/requests.json?status=open&service_code=street_light' })
    ).json();
    valid('requests.json', list);
    expect(list.map((x: { service_request_id: string }) => x.service_request_id)).toContain(service_request_id);
    const closedOnly = (await h().app.inject({ url: '/open311/v2/requests.json?status=closed' })).json();
    expect(closedOnly.map((x: { service_request_id: string }) => x.service_request_id)).not.toContain(
      service_request_id,
    );
    const byId = (
      await h().app.inject({ url: `/open311/v2/requests.json?service_request_id=${service_request_id}&status=closed` })
    ).json();
    expect(byId).toHaveLength(1); // service_request_id overrides every other filter
  });

  it('errors follow the standard shape: 404 missing, 400 anything else, never 500', async () => {
    const cases: Array<[string, number]> = [
      ['/open311/v2/services/nope.json', 404],
      ['/open311/v2/requests/999999.json', 404],
      ['/open311/v2/requests/abc.xml', 404],
      ['/open311/v2/nothing.json', 404],
      ['/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 400],
      ['/open311/v2/requests.json?start_date=yesterday', 400],
      ['/open311/v2/requests.json?status=pending', 400],
      ['/open311/v2/requests.json?service_request_id=1,x', 400],
    ];
    for (const [url, status] of cases) {
      const res = await h().app.inject({ url });
      expect(res.statusCode, url).toBe(status);
      if (url.split('?')[0].endsWith('.xml')) expect(xml.parse(res.body).errors.error[0].code).toBe(String(status));
      else expect(res.json()).toEqual([{ code: status, description: expect.any(String) }]);
    }
    const missing = await post(h(), { api_key: apiKey, service_code: 'street_light', description: 'x' });
    expect(missing.statusCode).toBe(400); // no location
    const unknown = await post(h(), { api_key: apiKey, service_code: 'zzz', description: 'x', address_string: 'y' });
    expect(unknown.statusCode).toBe(400);
    const junk = await h().app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/json' },
      payload: '{"api_key":',
    });
    expect(junk.statusCode).toBe(400);
  });
});
