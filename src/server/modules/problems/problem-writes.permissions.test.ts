/**
 * Every role against the writes of the rectification loop and of institutions that the first matrix leaves
 * out (deleting a draft, measures, extensions and their decision, editing and moving an institution), on both
 * databases. Each attempt that could succeed works on a record the admin made for it just before.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll } from 'vitest';
import { addDays, today } from '../../clock.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';

interface Made {
  id: number;
  version: number;
  measures: Array<{ id: number; version: number }>;
}

function ok<T = Made>(res: LightMyRequestResponse): T {
  if (res.statusCode >= 300) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

describeEachDb('permission matrix: 检视整改 and 制度 writes', (h) => {
  const ids = { campaign: 0, problem: 0, measure: 0, child: 0, version: 0 };
  const admin = <T = Made>(hh: Harness, method: string, url: string, body?: unknown) =>
    hh.call('admin', method, url, body).then((r) => ok<T>(r));
  /** A branchA problem (draft, or confirmed into 整改中) whose measure memberA owns. */
  const freshProblem = async (hh: Harness, confirmed: boolean) => {
    const p = await admin(hh, 'POST', '/api/v1/problems', {
      campaignId: ids.campaign,
      orgId: hh.fx.units.branchA.id,
      title: '矩阵：整改问题',
      source: 'self_found',
      kind: 'immediate',
      measures: [{ content: '措施', ownerId: hh.fx.people.memberA, deadline: addDays(today(), 9) }],
    });
    ids.problem = p.id;
    ids.measure = p.measures[0].id;
    ids.version = p.version;
    if (confirmed)
      ids.version = (
        await admin(hh, 'POST', `/api/v1/problems/${p.id}/transitions`, { action: 'confirm', version: p.version })
      ).version;
  };
  const requestExtension = (hh: Harness) =>
    admin<{ id: number }>(hh, 'POST', `/api/v1/problems/${ids.problem}/measures/${ids.measure}/extensions`, {
      requestedDeadline: addDays(today(), 30),
      reason: '汛期施工受限',
    });
  /** A branchA institution in draft. */
  const freshInstitution = async (hh: Harness) => {
    const i = await admin(hh, 'POST', '/api/v1/institutions', {
      campaignId: ids.campaign,
      orgId: hh.fx.units.branchA.id,
      title: '矩阵：制度',
      action: 'create',
    });
    ids.child = i.id;
    ids.version = i.version;
  };
  beforeAll(async () => {
    ids.campaign = await fixtureCampaign(h().db, h().fx.units.root.id);
  });
  // Those who record problems in branchA (the leader guides branchB, not branchA).
  const recorders = (status: number) => ({ admin: status, office: status, secretary: status, officer: status });
  const reviewers = (status: number) => ({ admin: status, office: status, secretary: status });

  permissionMatrix(h, [
    {
      label: 'delete a draft problem of branchA',
      method: 'DELETE',
      url: () => `/api/v1/problems/${ids.problem}?version=${ids.version}`,
      body: async (hh) => {
        await freshProblem(hh, false);
        return undefined;
      },
      expect: recorders(204),
      otherwise: 403,
    },
    {
      label: 'add a measure to a draft problem of branchA',
      method: 'POST',
      url: () => `/api/v1/problems/${ids.problem}/measures`,
      body: async (hh) => {
        await freshProblem(hh, false);
        return { content: '新措施', ownerId: hh.fx.people.memberA2, deadline: addDays(today(), 20) };
      },
      expect: recorders(201),
      otherwise: 403,
    },
    {
      label: 'edit a measure of a draft problem of branchA',
      method: 'PATCH',
      url: () => `/api/v1/problems/${ids.problem}/measures/${ids.measure}`,
      body: async (hh) => {
        await freshProblem(hh, false);
        const p = await admin(hh, 'GET', `/api/v1/problems/${ids.problem}`);
        return { version: p.measures[0].version, content: '措施（修订）' };
      },
      expect: recorders(200),
      otherwise: 403,
    },
    {
      label: 'ask to extend a measure (its owner memberA may too)',
      method: 'POST',
      url: () => `/api/v1/problems/${ids.problem}/measures/${ids.measure}/extensions`,
      body: async (hh) => {
        await freshProblem(hh, true);
        return { requestedDeadline: addDays(today(), 30), reason: '汛期施工受限' };
      },
      expect: { ...recorders(201), member: 201 },
      otherwise: 403,
    },
    {
      label: 'decide an extension request',
      method: 'POST',
      url: () => `/api/v1/problems/${ids.problem}/extensions/${ids.child}/decision`,
      body: async (hh) => {
        await freshProblem(hh, true);
        ids.child = (await requestExtension(hh)).id;
        return { approve: true, reason: '同意' };
      },
      expect: reviewers(200),
      otherwise: 403,
    },
    {
      label: 'edit a draft institution of branchA',
      method: 'PATCH',
      url: () => `/api/v1/institutions/${ids.child}`,
      body: async (hh) => {
        await freshInstitution(hh);
        return { version: ids.version, title: '矩阵：制度（修订）' };
      },
      expect: recorders(200),
      otherwise: 403,
    },
    {
      label: 'submit a draft institution of branchA for review',
      method: 'POST',
      url: () => `/api/v1/institutions/${ids.child}/transitions`,
      body: async (hh) => {
        await freshInstitution(hh);
        return { action: 'submit_review', version: ids.version };
      },
      expect: recorders(200),
      otherwise: 403,
    },
    {
      label: 'issue an institution of branchA under review',
      method: 'POST',
      url: () => `/api/v1/institutions/${ids.child}/transitions`,
      body: async (hh) => {
        await freshInstitution(hh);
        const reviewed = await admin(hh, 'POST', `/api/v1/institutions/${ids.child}/transitions`, {
          action: 'submit_review',
          version: ids.version,
        });
        return { action: 'issue', version: reviewed.version, issuedDate: today() };
      },
      expect: reviewers(200),
      otherwise: 403,
    },
  ]);
});
