/**
 * Every role against every 督促指导 route. The planned-check rows are the 不打招呼 proof: the checked unit's
 * own officer (outsider, of branchC) and everyone who does not organise checks get 404 — not even a 403 that
 * would tell them a check is coming.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { EVERYONE, permissionMatrix } from '../../testing/permission-matrix.ts';

describeEachDb('permission matrix: checks', (h) => {
  let campaignId = 0;
  let plannedId = 0;
  let drawId = 0;
  let freshId = 0;
  let recordedId = 0;
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
    recordedId = await plan(hh);
    await hh.call('admin', 'POST', `/api/v1/checks/${recordedId}/record`, {
      version: 1,
      findings: [{ text: '会议记录缺少讨论内容。' }],
    });
  });

  // 不打招呼 beyond single reads: the lists, the draws and the audit trail leave the planned check and its draw
  // out for everyone but the organisers; once recorded, whoever holds the unit in scope sees the check.
  const organisers = new Set(['admin', 'office', 'supervisor']);
  for (const who of EVERYONE) {
    if (who === null) continue;
    const sees = organisers.has(who);
    it(`不打招呼 in lists: ${who} ${sees ? 'sees' : 'sees nothing of'} the planned check and its draw`, async () => {
      const hh = h();
      const checks = (await hh.call(who, 'GET', `/api/v1/checks?campaignId=${campaignId}&pageSize=200`)).json();
      const ids = checks.items.map((c: { id: number }) => c.id);
      expect(ids.includes(plannedId)).toBe(sees);
      expect(checks.items.some((c: { drawId: number | null }) => c.drawId === drawId)).toBe(sees);
      const planned = (await hh.call(who, 'GET', `/api/v1/checks?campaignId=${campaignId}&status=planned`)).json();
      if (!sees) expect(planned.total).toBe(0);
      const draws = (await hh.call(who, 'GET', `/api/v1/checks/draws?campaignId=${campaignId}`)).json();
      expect(draws.items.map((d: { id: number }) => d.id).includes(drawId)).toBe(sees);
      const audit = await hh.call(who, 'GET', '/api/v1/audit?entityType=spot_check&pageSize=100');
      if (audit.statusCode === 200) {
        const plans = audit.json().items.filter((e: { action: string; entityId: number }) => e.action === 'plan');
        expect(plans.some((e: { entityId: number }) => e.entityId === plannedId)).toBe(who === 'admin');
      }
    });
    it(`once recorded: ${who} sees the check exactly when branchC is in their scope`, async () => {
      const hh = h();
      const unit = await hh.call(who, 'GET', `/api/v1/orgs/${hh.fx.units.branchC.id}`);
      const check = await hh.call(who, 'GET', `/api/v1/checks/${recordedId}`);
      expect(check.statusCode).toBe(unit.statusCode === 200 ? 200 : unit.statusCode === 404 ? 404 : 403);
      const listed = (await hh.call(who, 'GET', `/api/v1/checks?campaignId=${campaignId}&status=recorded`)).json();
      expect(listed.items.some((c: { id: number }) => c.id === recordedId)).toBe(unit.statusCode === 200);
    });
  }

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
