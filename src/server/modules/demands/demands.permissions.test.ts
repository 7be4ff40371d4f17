/** Every role against every 接诉即办 route, on both databases (public routes: public.test.ts, open311.test.ts). */
import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { multipart } from '../../testing/multipart.ts';

const ids = { received: 0, atA: 0, secretAtA: 0, campaign: 0, photo: 0 };
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3c8f1b70000000049454e44ae426082',
  'hex',
);
const version = async (h: Harness, id: number) =>
  (await h.call('admin', 'GET', `/api/v1/demands/${id}`)).json().version;
const unitRoles = { admin: 200, office: 200, secretary: 200, officer: 200 };

describeEachDb('permission matrix: demands', (h) => {
  it('setup: a received demand at the root and one dispatched to branchA', async () => {
    ids.campaign = await fixtureCampaign(h().db, h().fx.units.root.id);
    const make = async () =>
      (
        await h().call('office', 'POST', '/api/v1/demands', {
          channel: 'hotline',
          kind: 'help',
          category: 'sanitation',
          description: '垃圾未清运',
          address: '某路',
          name: '王五',
          phone: '13512345678',
          orgId: h().fx.units.root.id,
          campaignId: ids.campaign,
        })
      ).json().id;
    ids.received = await make();
    // A citizen's message with a photo becomes the demand dispatched to branchA.
    const upload = multipart({ name: 'a.png', content: PNG, type: 'image/png' });
    const photo = await h().app.inject({
      method: 'POST',
      url: '/api/v1/public/photos',
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    ids.photo = photo.json().id;
    const left = await h().app.inject({
      method: 'POST',
      url: '/api/v1/public/demands',
      payload: {
        category: 'sanitation',
        description: '垃圾未清运',
        address: '某路',
        name: '王五',
        phone: '13512345678',
        photoIds: [ids.photo],
      },
    });
    expect(left.statusCode, left.body).toBe(201);
    ids.atA = (
      await h()
        .db.selectFrom('demands')
        .select('id')
        .where('trackingCode', '=', left.json().trackingCode)
        .executeTakeFirstOrThrow()
    ).id;
    const res = await h().call('office', 'POST', `/api/v1/demands/${ids.atA}/transitions`, {
      action: 'dispatch',
      version: 1,
      orgId: h().fx.units.branchA.id,
    });
    expect(res.statusCode).toBe(200);
    // A complainant who asked for confidentiality, their demand dispatched to branchA as well.
    const secret = await h().call('office', 'POST', '/api/v1/demands', {
      channel: 'hotline',
      kind: 'report',
      category: 'sanitation',
      description: '举报某商户占道',
      address: '某路',
      name: '李四',
      phone: '13612345678',
      confidential: true,
      orgId: h().fx.units.root.id,
      campaignId: ids.campaign,
    });
    expect(secret.statusCode, secret.body).toBe(201);
    ids.secretAtA = secret.json().id;
    const sent = await h().call('office', 'POST', `/api/v1/demands/${ids.secretAtA}/transitions`, {
      action: 'dispatch',
      version: 1,
      orgId: h().fx.units.branchA.id,
    });
    expect(sent.statusCode, sent.body).toBe(200);
  });

  permissionMatrix(h, [
    { label: 'list demands', method: 'GET', url: () => '/api/v1/demands', expect: {}, otherwise: 200 },
    {
      label: 'read a demand of branchA',
      method: 'GET',
      url: () => `/api/v1/demands/${ids.atA}`,
      expect: unitRoles,
      otherwise: 404,
    },
    {
      label: 'read a received demand at the root',
      method: 'GET',
      url: () => `/api/v1/demands/${ids.received}`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: "read the complainant's contact (branchA)",
      method: 'GET',
      url: () => `/api/v1/demands/${ids.atA}/contact`,
      expect: unitRoles,
      otherwise: 404,
    },
    {
      // The handling unit (branchA's officer, the root's secretary over it) may not see a confidential complainant.
      label: "read a confidential complainant's contact (branchA): the office only",
      method: 'GET',
      url: () => `/api/v1/demands/${ids.secretAtA}/contact`,
      expect: { admin: 200, office: 200, secretary: 403, officer: 403 },
      otherwise: 404,
    },
    {
      label: 'read a confidential demand of branchA',
      method: 'GET',
      url: () => `/api/v1/demands/${ids.secretAtA}`,
      expect: unitRoles,
      otherwise: 404,
    },
    {
      label: 'record a demand at branchA',
      method: 'POST',
      url: () => '/api/v1/demands',
      body: (hh) => ({
        channel: 'visit',
        kind: 'suggestion',
        category: 'other',
        description: '建议增设座椅',
        orgId: hh.fx.units.branchA.id,
      }),
      expect: { admin: 201, office: 201, secretary: 201, officer: 201 },
      otherwise: 403,
    },
    {
      label: 'dispatch (without a unit: 400 for the office)',
      method: 'POST',
      url: () => `/api/v1/demands/${ids.received}/transitions`,
      body: async (hh) => ({ action: 'dispatch', version: await version(hh, ids.received) }),
      expect: { admin: 400, office: 400 },
      otherwise: 403,
    },
    {
      label: 'answer a demand not yet accepted (409 for the unit)',
      method: 'POST',
      url: () => `/api/v1/demands/${ids.atA}/transitions`,
      body: async (hh) => ({ action: 'answer', answer: '已处理', version: await version(hh, ids.atA) }),
      expect: { admin: 409, office: 409, secretary: 409, officer: 409 },
      otherwise: 403,
    },
    {
      label: 'visit a demand not yet answered (409 for the office)',
      method: 'POST',
      url: () => `/api/v1/demands/${ids.atA}/transitions`,
      body: async (hh) => ({ action: 'visit', satisfaction: 'satisfied', version: await version(hh, ids.atA) }),
      expect: { admin: 409, office: 409 },
      otherwise: 403,
    },
    {
      label: 'add the handling unit itself as co-handler (400 for those allowed)',
      method: 'POST',
      url: () => `/api/v1/demands/${ids.atA}/co-handlers`,
      body: (hh) => ({ orgId: hh.fx.units.branchA.id }),
      expect: { admin: 400, office: 400, secretary: 400, officer: 400 },
      otherwise: 403,
    },
    {
      label: 'turn into a problem with a stale version (409 for those allowed)',
      method: 'POST',
      url: () => `/api/v1/demands/${ids.atA}/problem`,
      body: () => ({ title: '问题', version: 999 }),
      expect: { admin: 409, office: 409, secretary: 409, officer: 409 },
      otherwise: 403,
    },
    { label: 'figures', method: 'GET', url: () => '/api/v1/demands/figures', expect: { member: 404 }, otherwise: 200 },
    {
      label: 'unit ranking',
      method: 'GET',
      url: () => '/api/v1/demands/figures/units',
      expect: { member: 404 },
      otherwise: 200,
    },
    {
      label: 'export the unit ranking',
      method: 'GET',
      url: () => '/api/v1/exports/demand-ranking.xlsx',
      expect: { member: 404 },
      otherwise: 200,
    },
    {
      label: '高频诉求',
      method: 'GET',
      url: () => '/api/v1/demands/hotspots',
      expect: { member: 404 },
      otherwise: 200,
    },
    { label: 'categories', method: 'GET', url: () => '/api/v1/demands/categories', expect: {}, otherwise: 200 },
    {
      label: 'add an existing category (409 for the office)',
      method: 'POST',
      url: () => '/api/v1/demands/categories',
      body: () => ({
        code: 'other',
        name: '其他',
        group: '其他',
        acceptHours: 24,
        handleLimit: 7,
        handleUnit: 'working_days',
      }),
      expect: { admin: 409, office: 409 },
      otherwise: 403,
    },
    {
      label: 'change a category with a stale version (409 for the office)',
      method: 'PATCH',
      url: () => '/api/v1/demands/categories/1',
      body: () => ({ version: 999, acceptHours: 12 }),
      expect: { admin: 409, office: 409 },
      otherwise: 403,
    },
    {
      label: 'rate configurations',
      method: 'GET',
      url: () => `/api/v1/demands/rate-configs?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'weights for a past period (409 for the office)',
      method: 'POST',
      url: () => '/api/v1/demands/rate-configs',
      body: () => ({
        campaignId: ids.campaign,
        effectiveFrom: '2020-01-01',
        responseWeight: 0.1,
        resolutionWeight: 0.5,
        satisfactionWeight: 0.4,
        basicallyFactor: 0.9,
        monthStartDay: 19,
        repeatDistanceM: 250,
        repeatWindowDays: 30,
      }),
      expect: { admin: 409, office: 409 },
      otherwise: 403,
    },
    {
      label: 'the photo of a demand of branchA',
      method: 'GET',
      url: () => `/api/v1/demands/${ids.atA}/photos/${ids.photo}`,
      expect: unitRoles,
      otherwise: 404,
    },
    {
      label: 'issue an Open311 key',
      method: 'POST',
      url: () => '/api/v1/open311-keys',
      body: () => ({ name: '市级 12345 平台' }),
      expect: { admin: 201 },
      otherwise: 403,
    },
    { label: 'Open311 keys', method: 'GET', url: () => '/api/v1/open311-keys', expect: { admin: 200 }, otherwise: 403 },
    {
      label: 'revoke an unknown Open311 key',
      method: 'DELETE',
      url: () => '/api/v1/open311-keys/999999',
      expect: { admin: 404 },
      otherwise: 403,
    },
    {
      label: 'export the 群众诉求台账',
      method: 'GET',
      url: () => '/api/v1/exports/demands.xlsx',
      expect: {},
      otherwise: 200,
    },
    {
      label: 'export the 群众诉求台账 of branchB',
      method: 'GET',
      url: (fx) => `/api/v1/exports/demands.xlsx?orgId=${fx.units.branchB.id}&status=received`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'download the 群众诉求台账 template',
      method: 'GET',
      url: () => '/api/v1/exports/demands-template.xlsx',
      expect: {},
      otherwise: 200,
    },
    {
      // A JSON body gets past the role check only to be refused as not multipart (400): who reaches the parser.
      label: 'import a 群众诉求台账',
      method: 'POST',
      url: () => '/api/v1/imports/demands',
      body: () => ({}),
      expect: { admin: 400, office: 400, secretary: 400, officer: 400, outsider: 400 },
      otherwise: 403,
    },
  ]);
});
