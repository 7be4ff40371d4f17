/**
 * Rows for routes no other matrix tried yet: the lists and reads of orgs, 分管, campaigns, special items,
 * study, research and meetings, every role against each, on both databases.
 */
import { beforeAll } from 'vitest';
import { describeEachDb } from './testing/harness.ts';
import { fixtureCampaign } from './testing/fixture.ts';
import { permissionMatrix } from './testing/permission-matrix.ts';

describeEachDb('permission matrix: lists and reads', (h) => {
  const ids = { campaign: 0, topic: 0, override: 0 };
  let day = 0;
  beforeAll(async () => {
    const { db, fx, call } = h();
    ids.campaign = await fixtureCampaign(db, fx.units.root.id);
    const topic = await call('office', 'POST', '/api/v1/research/topics', {
      campaignId: ids.campaign,
      orgId: fx.units.branchA.id,
      leaderId: fx.people.leader,
      title: '矩阵调研课题',
    });
    if (topic.statusCode !== 201) throw new Error(topic.body);
    ids.topic = topic.json().id;
  });

  permissionMatrix(h, [
    { label: 'list units', method: 'GET', url: () => '/api/v1/orgs', expect: {}, otherwise: 200 },
    {
      label: 'tree under branchA',
      method: 'GET',
      url: (fx) => `/api/v1/orgs/${fx.units.branchA.id}/tree`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    { label: 'list 分管', method: 'GET', url: () => '/api/v1/leader-assignments', expect: {}, otherwise: 200 },
    {
      label: 'read the campaign',
      method: 'GET',
      url: () => `/api/v1/campaigns/${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'list required readings',
      method: 'GET',
      url: () => `/api/v1/campaigns/${ids.campaign}/readings`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'list special items',
      method: 'GET',
      url: () => `/api/v1/special-items?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'list study sessions',
      method: 'GET',
      url: () => `/api/v1/study/sessions?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'my study hours',
      method: 'GET',
      url: () => `/api/v1/study/my-hours?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    { label: 'list study plans', method: 'GET', url: () => '/api/v1/study/plans', expect: {}, otherwise: 200 },
    { label: 'list research topics', method: 'GET', url: () => '/api/v1/research/topics', expect: {}, otherwise: 200 },
    { label: 'list meetings', method: 'GET', url: () => '/api/v1/meetings', expect: {}, otherwise: 200 },
    {
      label: 'warning thresholds',
      method: 'GET',
      url: () => `/api/v1/warnings/thresholds?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'export the 问题清单',
      method: 'GET',
      url: () => `/api/v1/exports/problems.xlsx?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'export the 成果清单',
      method: 'GET',
      url: () => `/api/v1/exports/results.xlsx?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'the 整改台账 template',
      method: 'GET',
      url: () => '/api/v1/exports/rectification-template.xlsx',
      expect: {},
      otherwise: 200,
    },
    {
      label: 'the sign-in sheet template',
      method: 'GET',
      url: () => '/api/v1/exports/attendance-template.xlsx',
      expect: {},
      otherwise: 200,
    },
    {
      label: 'the 重点任务台账 template',
      method: 'GET',
      url: () => '/api/v1/exports/tasks-template.xlsx',
      expect: {},
      otherwise: 200,
    },
    {
      label: 'export the 重点任务台账',
      method: 'GET',
      url: () => `/api/v1/exports/tasks.xlsx?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'visits of a branchA topic',
      method: 'GET',
      url: () => `/api/v1/research/topics/${ids.topic}/visits`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'report of a branchA topic',
      method: 'GET',
      url: () => `/api/v1/research/topics/${ids.topic}/report`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'remove a calendar override (a fresh one per attempt)',
      method: 'DELETE',
      url: () => `/api/v1/calendar/overrides/${ids.override}`,
      body: async (hh) => {
        day++;
        const res = await hh.call('admin', 'POST', '/api/v1/calendar/overrides', {
          date: `2028-03-${String(day).padStart(2, '0')}`,
          kind: 'workday',
        });
        ids.override = res.json().id;
        return undefined;
      },
      expect: { admin: 204 },
      otherwise: 403,
    },
  ]);
});
