/** Every role against the 简报 and 先进典型 routes: drafts stay with the office, issued bulletins reach the units below. */
import { beforeAll } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';

describeEachDb('permission matrix: bulletins and exemplars', (h) => {
  let campaignId = 0;
  let draftId = 0;
  let issuedId = 0;
  let nominationId = 0;
  let freshDraft = 0;
  let freshNomination = 0;
  let onNotice = { id: 0, objectionId: 0 };
  let freshTopic = 0;
  let topicCount = 0;
  /** A nomination from branchA, waiting at branchA's committee for its first approval. */
  const nominate = async (hh: Harness) => {
    const n = await hh.call('admin', 'POST', '/api/v1/exemplars', {
      campaignId,
      orgId: hh.fx.units.branchA.id,
      personId: hh.fx.people.memberA,
      deeds: '事迹',
    });
    return n.json() as { id: number; version: number };
  };
  /** A unit nominated at the root and put on 公示, with one open objection. */
  const withObjection = async (hh: Harness) => {
    const n = (
      await hh.call('admin', 'POST', '/api/v1/exemplars', {
        campaignId,
        orgId: hh.fx.units.root.id,
        nomineeOrgId: hh.fx.units.branchB.id,
        deeds: '示范支部',
      })
    ).json();
    await hh.call('admin', 'POST', `/api/v1/exemplars/${n.id}/transitions`, {
      version: n.version,
      action: 'startNotice',
      days: 5,
    });
    const o = await hh.call('admin', 'POST', `/api/v1/exemplars/${n.id}/objections`, { text: '材料不实' });
    return { id: n.id as number, objectionId: o.json().id as number };
  };
  const draft = async (hh: Harness) => {
    const res = await hh.call('admin', 'POST', '/api/v1/bulletins', {
      campaignId,
      orgId: hh.fx.units.root.id,
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
    });
    return res.json() as { id: number; version: number };
  };
  beforeAll(async () => {
    const hh = h();
    campaignId = await fixtureCampaign(hh.db, hh.fx.units.root.id);
    draftId = (await draft(hh)).id;
    const d = await draft(hh);
    await hh.call('admin', 'POST', `/api/v1/bulletins/${d.id}/issue`, { version: d.version });
    issuedId = d.id;
    const n = await hh.call('admin', 'POST', '/api/v1/exemplars', {
      campaignId,
      orgId: hh.fx.units.branchA.id,
      personId: hh.fx.people.memberA,
      deeds: '事迹',
    });
    nominationId = n.json().id;
  });

  permissionMatrix(h, [
    { label: 'list bulletins', method: 'GET', url: () => '/api/v1/bulletins', expect: {}, otherwise: 200 },
    {
      label: 'read a draft bulletin',
      method: 'GET',
      url: () => `/api/v1/bulletins/${draftId}`,
      expect: { admin: 200, office: 200 },
      otherwise: 404,
    },
    {
      label: 'read an issued bulletin (published to everyone in a unit under the root)',
      method: 'GET',
      url: () => `/api/v1/bulletins/${issuedId}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'download an issued bulletin',
      method: 'GET',
      url: () => `/api/v1/bulletins/${issuedId}.docx`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'download a draft bulletin',
      method: 'GET',
      url: () => `/api/v1/bulletins/${draftId}.docx`,
      expect: { admin: 200, office: 200 },
      otherwise: 404,
    },
    {
      label: 'compile a bulletin at the root',
      method: 'POST',
      url: () => '/api/v1/bulletins',
      body: (hh) => ({ campaignId, orgId: hh.fx.units.root.id, periodFrom: '2026-11-01', periodTo: '2026-11-30' }),
      expect: { admin: 201, office: 201 },
      otherwise: 403,
    },
    {
      label: 'edit a draft',
      method: 'PATCH',
      url: () => `/api/v1/bulletins/${freshDraft}`,
      body: async (hh) => {
        const d = await draft(hh);
        freshDraft = d.id;
        return { version: d.version, editorNote: '编者按' };
      },
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'issue a draft',
      method: 'POST',
      url: () => `/api/v1/bulletins/${freshDraft}/issue`,
      body: async (hh) => {
        const d = await draft(hh);
        freshDraft = d.id;
        return { version: d.version };
      },
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'edit an issued bulletin',
      method: 'PATCH',
      url: () => `/api/v1/bulletins/${issuedId}`,
      body: () => ({ version: 2, title: '改' }),
      expect: {},
      otherwise: 409,
    },
    { label: 'list highlights', method: 'GET', url: () => '/api/v1/highlights', expect: {}, otherwise: 200 },
    { label: 'list exemplars', method: 'GET', url: () => '/api/v1/exemplars', expect: {}, otherwise: 200 },
    {
      label: 'read a nomination of branchA',
      method: 'GET',
      url: () => `/api/v1/exemplars/${nominationId}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    {
      label: 'nominate from branchA',
      method: 'POST',
      url: () => '/api/v1/exemplars',
      body: (hh) => ({ campaignId, orgId: hh.fx.units.branchA.id, personId: hh.fx.people.memberA2, deeds: '事迹' }),
      expect: { admin: 201, office: 201, secretary: 201, officer: 201 },
      otherwise: 403,
    },
    {
      label: 'object to a nomination not on notice',
      method: 'POST',
      url: () => `/api/v1/exemplars/${nominationId}/objections`,
      body: () => ({ text: '异议' }),
      expect: { admin: 409, office: 409, secretary: 409, officer: 409 },
      otherwise: 403,
    },
    {
      label: "approve a nomination waiting at branchA's committee",
      method: 'POST',
      url: () => `/api/v1/exemplars/${freshNomination}/transitions`,
      body: async (hh) => {
        const n = await nominate(hh);
        freshNomination = n.id;
        return { version: n.version, action: 'approve' };
      },
      expect: { admin: 200, office: 200, secretary: 200 },
      otherwise: 403,
    },
    {
      label: 'handle an objection during 公示 at the root',
      method: 'POST',
      url: () => `/api/v1/exemplars/${onNotice.id}/objections/${onNotice.objectionId}/handle`,
      body: async (hh) => {
        onNotice = await withObjection(hh);
        return { result: '经核实不属实', upheld: false };
      },
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'flag a research topic of branchA as 优秀做法',
      method: 'POST',
      url: () => '/api/v1/highlights',
      body: async (hh) => {
        const t = await hh.call('admin', 'POST', '/api/v1/research/topics', {
          campaignId,
          orgId: hh.fx.units.branchA.id,
          leaderId: hh.fx.people.leader,
          title: `调研课题${++topicCount}`,
        });
        freshTopic = t.json().id;
        return { entityType: 'research_topic', entityId: freshTopic, kind: 'good_practice', text: '亮点' };
      },
      // The outsider may flag, but not a topic out of their scope: it does not exist for them.
      expect: { admin: 201, office: 201, secretary: 201, officer: 201, outsider: 404 },
      otherwise: 403,
    },
  ]);
});
