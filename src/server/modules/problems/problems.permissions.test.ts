/** Every role against the 检视整改 routes, on both databases. */
import { beforeAll } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';
import { addDays, today } from '../../clock.ts';

describeEachDb('permission matrix: 检视整改', (h) => {
  const ids = { campaign: 0, problem: 0, measure: 0 };
  beforeAll(async () => {
    const { db, fx, call } = h();
    ids.campaign = await fixtureCampaign(db, fx.units.root.id);
    const p = await call('officer', 'POST', '/api/v1/problems', {
      campaignId: ids.campaign,
      orgId: fx.units.branchA.id,
      title: '矩阵测试问题',
      source: 'self_found',
      kind: 'immediate',
      measures: [{ content: '措施', ownerId: fx.people.memberA, deadline: addDays(today(), 9) }],
    });
    ids.problem = p.json().id;
    ids.measure = p.json().measures[0].id;
  });
  const version = async (hh: ReturnType<typeof h>) =>
    (await hh.call('admin', 'GET', `/api/v1/problems/${ids.problem}`)).json().version;

  permissionMatrix(h, [
    {
      label: 'read a branchA problem',
      method: 'GET',
      url: () => `/api/v1/problems/${ids.problem}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, member: 200 },
      otherwise: 404,
    },
    {
      label: 'list problems',
      method: 'GET',
      url: () => `/api/v1/problems?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'record a problem in branchA',
      method: 'POST',
      url: () => '/api/v1/problems',
      body: (hh) => ({
        campaignId: ids.campaign,
        orgId: hh.fx.units.branchA.id,
        title: '新问题',
        source: 'self_found',
        kind: 'immediate',
      }),
      expect: { admin: 201, office: 201, secretary: 201, officer: 201 },
      otherwise: 403,
    },
    {
      label: 'edit a branchA problem',
      method: 'PATCH',
      url: () => `/api/v1/problems/${ids.problem}`,
      body: async (hh) => ({ version: await version(hh), category: '工作作风' }),
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 403,
    },
    {
      label: 'approve (not yet submitted: a reviewer gets 409, a move the state forbids; others 403)',
      method: 'POST',
      url: () => `/api/v1/problems/${ids.problem}/transitions`,
      body: async (hh) => ({ action: 'approve', version: await version(hh) }),
      expect: { admin: 409, office: 409, secretary: 409 },
      otherwise: 403,
    },
    {
      label: 'report progress on a measure',
      method: 'POST',
      url: () => `/api/v1/problems/${ids.problem}/measures/${ids.measure}/progress`,
      body: () => ({ date: today(), note: '进展' }),
      expect: { admin: 201, office: 201, secretary: 201, officer: 201, member: 201 },
      otherwise: 403,
    },
    {
      label: 'per-unit figures',
      method: 'GET',
      url: (fx) => `/api/v1/problems/figures?campaignId=${ids.campaign}&orgId=${fx.units.branchA.id}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    {
      label: 'export the 整改台账',
      method: 'GET',
      url: () => `/api/v1/exports/rectification.xlsx?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    { label: 'list institutions', method: 'GET', url: () => '/api/v1/institutions', expect: {}, otherwise: 200 },
    {
      label: 'draft an institution at branchA',
      method: 'POST',
      url: () => '/api/v1/institutions',
      body: (hh) => ({ campaignId: ids.campaign, orgId: hh.fx.units.branchA.id, title: '制度', action: 'create' }),
      expect: { admin: 201, office: 201, secretary: 201, officer: 201 },
      otherwise: 403,
    },
    {
      label: 'create a 专项整治',
      method: 'POST',
      url: () => '/api/v1/special-items',
      body: (hh) => ({ campaignId: ids.campaign, name: '专项', leadOrgId: hh.fx.units.root.id }),
      expect: { admin: 201, office: 201 },
      otherwise: 403,
    },
    {
      label: 'list calendar overrides',
      method: 'GET',
      url: () => '/api/v1/calendar/overrides',
      expect: {},
      otherwise: 200,
    },
    {
      label: 'add a calendar override',
      method: 'POST',
      url: () => '/api/v1/calendar/overrides',
      body: () => ({ date: '2027-10-01', kind: 'holiday', note: '国庆节' }),
      expect: { admin: 201 },
      otherwise: 403,
    },
  ]);
});
