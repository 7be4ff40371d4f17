/** Every role against the 推动发展 routes, on both databases. */
import { beforeAll } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';
import { addDays, today } from '../../clock.ts';
import { weekOf } from '../../../shared/iso-week.ts';

describeEachDb('permission matrix: 推动发展', (h) => {
  const ids = { campaign: 0, task: 0, branchTask: 0, milestone: 0 };
  const task = (fx: Harness['fx'], orgId: number, title = '矩阵测试任务') => ({
    campaignId: ids.campaign,
    orgId,
    title,
    startDate: addDays(today(), -3),
    endDate: addDays(today(), 30),
    responsibleOrgIds: [fx.units.branchA.id],
    milestones: [{ title: '节点', plannedDate: addDays(today(), 10), weight: 1 }],
  });
  beforeAll(async () => {
    const { db, fx, call } = h();
    ids.campaign = await fixtureCampaign(db, fx.units.root.id);
    const t = (await call('office', 'POST', '/api/v1/tasks', task(fx, fx.units.root.id))).json();
    ids.task = t.id;
    ids.milestone = t.milestones[0].id;
    ids.branchTask = (
      await call('office', 'POST', '/api/v1/tasks', { ...task(fx, fx.units.branchB.id), responsibleOrgIds: [] })
    ).json().id;
  });
  const version = async (hh: Harness, id: number) =>
    (await hh.call('admin', 'GET', `/api/v1/tasks/${id}`)).json().version;

  permissionMatrix(h, [
    {
      label: 'read a campaign task branchA is responsible for',
      method: 'GET',
      url: () => `/api/v1/tasks/${ids.task}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'read a branchB task',
      method: 'GET',
      url: () => `/api/v1/tasks/${ids.branchTask}`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'read the nodes of a campaign task',
      method: 'GET',
      url: () => `/api/v1/tasks/${ids.task}/milestones`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'read the 周调度 of a campaign task',
      method: 'GET',
      url: () => `/api/v1/tasks/${ids.task}/updates`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, leader: 200 },
      otherwise: 404,
    },
    {
      // Re-planning a node is the planners' (marking it done is the responsible unit's, tested in tasks.test.ts).
      label: 'edit a node of the campaign task',
      method: 'PATCH',
      url: () => `/api/v1/tasks/${ids.task}/milestones/${ids.milestone}`,
      body: async (hh) => ({
        version: (await hh.call('admin', 'GET', `/api/v1/tasks/${ids.task}/milestones`))
          .json()
          .items.find((m: { id: number }) => m.id === ids.milestone).version,
        criteria: '通过验收',
      }),
      expect: { admin: 200, office: 200, secretary: 200 },
      otherwise: 403,
    },
    {
      label: 'list tasks',
      method: 'GET',
      url: () => `/api/v1/tasks?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'task figures',
      method: 'GET',
      url: () => `/api/v1/tasks/figures?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'create a campaign-level task',
      method: 'POST',
      url: () => '/api/v1/tasks',
      body: (hh) => task(hh.fx, hh.fx.units.root.id, '新的全局任务'),
      expect: { admin: 201, office: 201 },
      otherwise: 403,
    },
    {
      label: 'create a task for branchA',
      method: 'POST',
      url: () => '/api/v1/tasks',
      body: (hh) => task(hh.fx, hh.fx.units.branchA.id, '支部任务'),
      expect: { admin: 201, office: 201, secretary: 201 },
      otherwise: 403,
    },
    {
      label: 'edit the campaign task',
      method: 'PATCH',
      url: () => `/api/v1/tasks/${ids.task}`,
      body: async (hh) => ({ version: await version(hh, ids.task), description: '补充说明' }),
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'weekly update of the campaign task (responsible unit branchA)',
      method: 'POST',
      url: () => `/api/v1/tasks/${ids.task}/updates`,
      body: () => ({ week: weekOf(today()), progress: 0.2, note: '推进中' }),
      // The leader belongs to the root unit that leads it.
      expect: { admin: 201, office: 201, secretary: 201, officer: 201, leader: 201 },
      otherwise: 403,
    },
    {
      label: 'weekly update of the branchB task',
      method: 'POST',
      url: () => `/api/v1/tasks/${ids.branchTask}/updates`,
      body: () => ({ week: weekOf(today()), progress: 0.1 }),
      expect: { admin: 201, office: 201, secretary: 201, leader: 201 },
      otherwise: 403,
    },
    {
      label: 'add a milestone to the campaign task',
      method: 'POST',
      url: () => `/api/v1/tasks/${ids.task}/milestones`,
      body: () => ({ title: '新节点', plannedDate: addDays(today(), 20), weight: 1 }),
      expect: { admin: 201, office: 201, secretary: 201 },
      otherwise: 403,
    },
    {
      label: 'raise a problem from the campaign task',
      method: 'POST',
      url: () => `/api/v1/tasks/${ids.task}/problems`,
      body: (hh) => ({ title: '推进中发现的问题', orgId: hh.fx.units.branchA.id }),
      expect: { admin: 201, office: 201, secretary: 201, officer: 201 },
      otherwise: 403,
    },
    {
      label: 'set task thresholds',
      method: 'PUT',
      url: () => `/api/v1/tasks/settings?campaignId=${ids.campaign}`,
      body: () => ({ tolerance: 0.1, yellowGap: 0.1, redGap: 0.3, staleDays: 7 }),
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'export the 重点任务台账 with a list filter',
      method: 'GET',
      url: () => `/api/v1/exports/tasks.xlsx?campaignId=${ids.campaign}&status=behind`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'export the 重点任务台账 of branchB',
      method: 'GET',
      url: (fx) => `/api/v1/exports/tasks.xlsx?campaignId=${ids.campaign}&orgId=${fx.units.branchB.id}`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'download the 重点任务台账 template',
      method: 'GET',
      url: () => '/api/v1/exports/tasks-template.xlsx',
      expect: {},
      otherwise: 200,
    },
    {
      // A JSON body gets past the role check only to be refused as not multipart (400): who reaches the parser.
      label: 'import a 重点任务台账',
      method: 'POST',
      url: () => '/api/v1/imports/tasks/previews',
      body: () => ({}),
      expect: { admin: 400, office: 400, secretary: 400 },
      otherwise: 403,
    },
  ]);
});
