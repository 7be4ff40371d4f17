/**
 * Every role against every 督促指导 route. The planned-check rows are the 不打招呼 proof: the checked unit's
 * own officer (outsider, of branchC) and everyone who does not organise checks get 404 — not even a 403 that
 * would tell them a check is coming.
 */
import { beforeAll } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';

describeEachDb('permission matrix: checks', (h) => {
  let campaignId = 0;
  let plannedId = 0;
  let drawId = 0;
  let freshId = 0;
  const plan = async (hh: Harness) => {
    const res = await hh.call('admin', 'POST', '/api/v1/checks', {
      campaignId,
      orgId: hh.fx.units.branchC.id,
      groupId: hh.fx.group,
      date: '2026-12-01',
      method: 'random',
      inspectorIds: [hh.fx.people.inspector, hh.fx.people.officeHead],
    });
    return res.json().id as number;
  };
  beforeAll(async () => {
    const hh = h();
    campaignId = await fixtureCampaign(hh.db, hh.fx.units.root.id);
    plannedId = await plan(hh);
    const draw = await hh.call('admin', 'POST', '/api/v1/checks/draws', {
      campaignId,
      groupId: hh.fx.group,
      poolOrgIds: [hh.fx.units.branchC.id],
      count: 1,
      rosterIds: [hh.fx.people.inspector, hh.fx.people.officeHead],
    });
    drawId = draw.json().id;
  });

  permissionMatrix(h, [
    {
      label: 'read a planned check at branchC',
      method: 'GET',
      url: () => `/api/v1/checks/${plannedId}`,
      expect: { admin: 200, office: 200, supervisor: 200 },
      otherwise: 404,
    },
    {
      label: 'record a planned check at branchC',
      method: 'POST',
      url: () => `/api/v1/checks/${freshId}/record`,
      body: async (hh) => {
        freshId = await plan(hh);
        return { version: 1, findings: [] };
      },
      expect: { admin: 200, office: 200, supervisor: 200 },
      otherwise: 404,
    },
    { label: 'list checks', method: 'GET', url: () => '/api/v1/checks', expect: {}, otherwise: 200 },
    {
      label: 'plan a check at branchC',
      method: 'POST',
      url: () => '/api/v1/checks',
      body: (hh) => ({
        campaignId,
        orgId: hh.fx.units.branchC.id,
        date: '2026-12-03',
        method: 'documents',
        inspectorIds: [hh.fx.people.inspector, hh.fx.people.chief],
      }),
      expect: { admin: 201, office: 201, supervisor: 201 },
      otherwise: 403,
    },
    {
      label: 'commit a seed for the group',
      method: 'POST',
      url: () => '/api/v1/checks/draws/commitments',
      body: (hh) => ({ campaignId, groupId: hh.fx.group }),
      expect: { admin: 201, office: 201, supervisor: 201 },
      otherwise: 403,
    },
    {
      label: 'draw from branchC',
      method: 'POST',
      url: () => '/api/v1/checks/draws',
      body: (hh) => ({
        campaignId,
        groupId: hh.fx.group,
        poolOrgIds: [hh.fx.units.branchC.id],
        count: 1,
        rosterIds: [hh.fx.people.inspector, hh.fx.people.officeHead],
      }),
      expect: { admin: 201, office: 201, supervisor: 201 },
      otherwise: 403,
    },
    { label: 'list draws', method: 'GET', url: () => '/api/v1/checks/draws', expect: {}, otherwise: 200 },
    {
      label: 'read an unpublished draw of branchC',
      method: 'GET',
      url: () => `/api/v1/checks/draws/${drawId}`,
      expect: { admin: 200, office: 200, supervisor: 200 },
      otherwise: 404,
    },
    {
      label: 'verify an unpublished draw of branchC',
      method: 'GET',
      url: () => `/api/v1/checks/draws/${drawId}/verify`,
      expect: { admin: 200, office: 200, supervisor: 200 },
      otherwise: 404,
    },
    {
      label: 'publish a draw whose check is still planned',
      method: 'POST',
      url: () => `/api/v1/checks/draws/${drawId}/publish`,
      body: () => ({ version: 2 }),
      expect: { admin: 409, office: 409, supervisor: 409 },
      otherwise: 404,
    },
    {
      label: 'preview a pool under the brigade',
      method: 'GET',
      url: (fx) => `/api/v1/checks/pool?campaignId=${campaignId}&orgId=${fx.units.brigade.id}`,
      expect: { admin: 200, office: 200, supervisor: 200 },
      otherwise: 403,
    },
    {
      label: 'record a 回避',
      method: 'POST',
      url: () => '/api/v1/checks/recusals',
      body: (hh) => ({ personId: hh.fx.people.chief, orgId: hh.fx.units.branchA.id, reason: '曾任该支部书记' }),
      expect: { admin: 201, office: 409 },
      otherwise: 403,
    },
  ]);
});
