/** Every role against the 考核 and 责任链 routes, on both databases. */
import { beforeAll } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';
import { addDays, today } from '../../clock.ts';

describeEachDb('permission matrix: assessments', (h) => {
  const ids = { campaign: 0, assessment: 0, bonus: 0, entry: 0, shown: 0, shownBonus: 0, objection: 0 };
  const body = () => ({
    campaignId: ids.campaign,
    orgId: h().fx.units.root.id,
    name: '党支部考核',
    period: '2026年度',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    groups: [{ key: 'branch' }],
    areas: [
      {
        name: '理论学习',
        indicators: [
          {
            name: '出勤率',
            kind: 'auto',
            maxPoints: 10,
            source: 'study.attendanceRate',
            rule: { type: 'linear', from: 0.5, to: 1 },
          },
          { name: '创新项目', kind: 'bonus', maxPoints: 5 },
        ],
      },
    ],
  });
  beforeAll(async () => {
    const { db, fx, call } = h();
    ids.campaign = await fixtureCampaign(db, fx.units.root.id);
    const a = (await call('office', 'POST', '/api/v1/assessments', body())).json();
    ids.assessment = a.id;
    ids.bonus = a.areas[0].indicators[1].id;
    const e = await call('officer', 'POST', `/api/v1/assessments/${a.id}/entries`, {
      indicatorId: ids.bonus,
      orgId: fx.units.branchA.id,
      points: 1,
      reason: '自评',
    });
    ids.entry = e.json().id;
    // A second assessment under 公示, with branchA's objection.
    const shown = (await call('office', 'POST', '/api/v1/assessments', { ...body(), name: '公示中的考核' })).json();
    ids.shown = shown.id;
    ids.shownBonus = shown.areas[0].indicators[1].id;
    const fin = await call('office', 'POST', `/api/v1/assessments/${shown.id}/transitions`, {
      action: 'finalise',
      version: shown.version,
    });
    await call('office', 'POST', `/api/v1/assessments/${shown.id}/transitions`, {
      action: 'open_publicity',
      publicityUntil: addDays(today(), 5),
      version: fin.json().version,
    });
    const o = await call('officer', 'POST', `/api/v1/assessments/${shown.id}/objections`, {
      orgId: fx.units.branchA.id,
      indicatorId: ids.shownBonus,
      reason: '异议',
    });
    ids.objection = o.json().id;
  });
  const seen = { admin: 200, office: 200, secretary: 200, leader: 200, officer: 200, outsider: 200, supervisor: 200 };
  const version = async () =>
    (await h().call('office', 'GET', `/api/v1/assessments/${ids.assessment}`)).json().version as number;

  permissionMatrix(h, [
    { label: 'list assessments', method: 'GET', url: () => '/api/v1/assessments', expect: {}, otherwise: 200 },
    {
      label: 'list figure sources',
      method: 'GET',
      url: () => '/api/v1/assessments/sources',
      expect: {},
      otherwise: 200,
    },
    {
      label: 'read an assessment of the bureau',
      method: 'GET',
      url: () => `/api/v1/assessments/${ids.assessment}`,
      expect: seen,
      otherwise: 404,
    },
    {
      label: 'read its scores',
      method: 'GET',
      url: () => `/api/v1/assessments/${ids.assessment}/scores`,
      expect: seen,
      otherwise: 404,
    },
    {
      label: 'export its ranking',
      method: 'GET',
      url: () => `/api/v1/exports/assessment.xlsx?assessmentId=${ids.assessment}`,
      expect: seen,
      otherwise: 404,
    },
    {
      label: 'export its per-indicator sheet',
      method: 'GET',
      url: () => `/api/v1/exports/assessment-indicators.xlsx?assessmentId=${ids.assessment}`,
      expect: seen,
      otherwise: 404,
    },
    {
      label: 'export its 通报 (.docx)',
      method: 'GET',
      url: () => `/api/v1/exports/assessment-bulletin.docx?assessmentId=${ids.assessment}`,
      expect: seen,
      otherwise: 404,
    },
    {
      label: 'list its entries',
      method: 'GET',
      url: () => `/api/v1/assessments/${ids.assessment}/entries`,
      expect: seen,
      otherwise: 404,
    },
    {
      label: 'create an assessment of the bureau',
      method: 'POST',
      url: () => '/api/v1/assessments',
      body: body,
      expect: { admin: 201, office: 201 },
      otherwise: 403,
    },
    {
      label: 'edit the assessment',
      method: 'PATCH',
      url: () => `/api/v1/assessments/${ids.assessment}`,
      body: async () => ({ version: await version(), name: '党支部考核' }),
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'publish a draft (not yet allowed)',
      method: 'POST',
      url: () => `/api/v1/assessments/${ids.assessment}/transitions`,
      body: async () => ({ action: 'publish', version: await version() }),
      expect: { admin: 409, office: 409 },
      otherwise: 403,
    },
    {
      label: 'enter a 加分 item for branchA',
      method: 'POST',
      url: () => `/api/v1/assessments/${ids.assessment}/entries`,
      body: () => ({ indicatorId: ids.bonus, orgId: h().fx.units.branchA.id, points: 1, reason: '加分' }),
      expect: { admin: 201, office: 201, secretary: 201, officer: 201, member: 404 },
      otherwise: 403,
    },
    {
      label: 'review branchA’s claim with a stale version',
      method: 'POST',
      url: () => `/api/v1/assessments/${ids.assessment}/entries/${ids.entry}/review`,
      body: () => ({ accept: true, version: 99 }),
      expect: { admin: 409, office: 409, member: 404 },
      otherwise: 403,
    },
    {
      label: 'open a 公示 on a draft (not yet allowed)',
      method: 'POST',
      url: () => `/api/v1/assessments/${ids.assessment}/transitions`,
      body: async () => ({ action: 'open_publicity', publicityUntil: addDays(today(), 3), version: await version() }),
      expect: { admin: 409, office: 409 },
      otherwise: 403,
    },
    {
      label: 'confirm a draft as 最终 (not yet allowed)',
      method: 'POST',
      url: () => `/api/v1/assessments/${ids.assessment}/transitions`,
      body: async () => ({ action: 'confirm', version: await version() }),
      expect: { admin: 409, office: 409 },
      otherwise: 403,
    },
    {
      label: 'list the 异议 under 公示',
      method: 'GET',
      url: () => `/api/v1/assessments/${ids.shown}/objections`,
      expect: seen,
      otherwise: 404,
    },
    {
      label: 'object to branchA’s score during the 公示',
      method: 'POST',
      url: () => `/api/v1/assessments/${ids.shown}/objections`,
      body: () => ({ orgId: h().fx.units.branchA.id, indicatorId: ids.shownBonus, reason: '异议' }),
      expect: { secretary: 201, officer: 201, member: 404 },
      otherwise: 403,
    },
    {
      label: 'object to a draft’s score (not yet allowed)',
      method: 'POST',
      url: () => `/api/v1/assessments/${ids.assessment}/objections`,
      body: () => ({ orgId: h().fx.units.branchA.id, indicatorId: ids.bonus, reason: '异议' }),
      expect: { secretary: 409, officer: 409, member: 404 },
      otherwise: 403,
    },
    {
      label: 'answer branchA’s objection with a stale version',
      method: 'POST',
      url: () => `/api/v1/assessments/${ids.shown}/objections/${ids.objection}/answer`,
      body: () => ({ decision: 'uphold', reason: '维持', version: 99 }),
      expect: { admin: 409, office: 409, member: 404 },
      otherwise: 403,
    },
    {
      label: 'the 责任链 of the caller’s units',
      method: 'GET',
      url: () => `/api/v1/accountability?campaignId=${ids.campaign}`,
      expect: { member: 404 },
      otherwise: 200,
    },
    {
      label: 'the 责任链 items',
      method: 'GET',
      url: () => `/api/v1/accountability/items?campaignId=${ids.campaign}`,
      expect: { member: 404 },
      otherwise: 200,
    },
  ]);
});
