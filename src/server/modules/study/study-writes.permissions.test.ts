/**
 * Every role against the writes of 理论学习, 调查研究 and 民主生活会 that the first matrix leaves out
 * (editing a session, closing a make-up, plans and their review, topics, reports, their review and the
 * findings pushed into problems and institutions, meetings and items turned into problems), on both
 * databases. Each attempt that could succeed works on a record the admin made for it just before.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll } from 'vitest';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';

interface Made {
  id: number;
  version: number;
}

function ok<T = Made>(res: LightMyRequestResponse): T {
  if (res.statusCode >= 300) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

const REPORT = { situation: '情况', problems: '问题', analysis: '分析', measures: '举措' };

describeEachDb('permission matrix: study, research and meetings writes', (h) => {
  const ids = { campaign: 0, subject: 0, child: 0, version: 0 };
  const admin = <T = Made>(hh: Harness, method: string, url: string, body?: unknown) =>
    hh.call('admin', method, url, body).then((r) => ok<T>(r));
  /** A branchA session at which memberA was absent (so a make-up is open for them). */
  const sessionBody = (hh: Harness) => ({
    kind: 'party_lecture',
    mode: 'leader',
    date: '2026-11-01',
    hours: 2,
    topic: '党课',
    attendance: [
      { personId: hh.fx.people.memberA, status: 'absent', reason: '出差' },
      { personId: hh.fx.people.officerA, status: 'present' },
    ],
  });
  const freshSession = async (hh: Harness) => {
    const s = await admin(hh, 'POST', '/api/v1/study/sessions', {
      campaignId: ids.campaign,
      orgId: hh.fx.units.branchA.id,
      ...sessionBody(hh),
    });
    ids.subject = s.id;
    ids.version = s.version;
  };
  /** A branchB topic the leader leads, optionally with its report written. */
  const freshTopic = async (hh: Harness, reported: boolean) => {
    const t = await admin(hh, 'POST', '/api/v1/research/topics', {
      campaignId: ids.campaign,
      orgId: hh.fx.units.branchB.id,
      leaderId: hh.fx.people.leader,
      title: '矩阵：调研课题',
    });
    ids.subject = t.id;
    ids.version = t.version;
    if (reported)
      ids.version = (
        await admin(hh, 'PUT', `/api/v1/research/topics/${t.id}/report`, { version: t.version, ...REPORT })
      ).version;
  };
  /** A branchA meeting with one item of self-criticism. */
  const freshItem = async (hh: Harness) => {
    const m = await admin(hh, 'POST', '/api/v1/meetings', {
      campaignId: ids.campaign,
      orgId: hh.fx.units.branchA.id,
      kind: 'organisational_life',
      date: '2026-11-02',
      attendeeIds: [],
    });
    ids.subject = m.id;
    ids.child = (
      await admin(hh, 'POST', `/api/v1/meetings/${m.id}/items`, {
        kind: 'self',
        fromPersonId: hh.fx.people.officerA,
        content: '理论学习不够深入',
      })
    ).id;
  };
  beforeAll(async () => {
    ids.campaign = await fixtureCampaign(h().db, h().fx.units.root.id);
  });
  const recorders = (status: number) => ({ admin: status, office: status, secretary: status, officer: status });
  const reviewers = (status: number) => ({ admin: status, office: status, secretary: status });

  permissionMatrix(h, [
    {
      label: 'edit a branchA session',
      method: 'PATCH',
      url: () => `/api/v1/study/sessions/${ids.subject}`,
      body: async (hh) => {
        await freshSession(hh);
        return { version: ids.version, ...sessionBody(hh), topic: '党课（修订）' };
      },
      expect: recorders(200),
      otherwise: 403,
    },
    {
      label: 'close memberA’s make-up (memberA may too)',
      method: 'PATCH',
      url: () => `/api/v1/study/makeups/${ids.child}`,
      body: async (hh) => {
        await freshSession(hh);
        const page = await admin<{ items: Made[] }>(hh, 'GET', `/api/v1/study/makeups?sessionId=${ids.subject}`);
        ids.child = page.items[0].id;
        return { status: 'done', version: page.items[0].version, madeUpDate: '2026-11-05', note: '自学补课' };
      },
      expect: { ...recorders(200), member: 200 },
      otherwise: 403,
    },
    {
      label: 'submit a unit plan of branchA',
      method: 'POST',
      url: () => '/api/v1/study/plans',
      body: (hh) => ({ campaignId: ids.campaign, orgId: hh.fx.units.branchA.id, title: '学习计划', content: '计划' }),
      expect: recorders(201),
      otherwise: 403,
    },
    {
      label: 'review a submitted unit plan of branchA',
      method: 'POST',
      url: () => `/api/v1/study/plans/${ids.subject}/review`,
      body: async (hh) => {
        ids.subject = (
          await admin(hh, 'POST', '/api/v1/study/plans', {
            campaignId: ids.campaign,
            orgId: hh.fx.units.branchA.id,
            title: '学习计划',
            content: '计划',
          })
        ).id;
        const plans = await admin<{ items: Made[] }>(hh, 'GET', '/api/v1/study/plans');
        return { version: plans.items.find((p) => p.id === ids.subject)!.version, approve: true };
      },
      expect: reviewers(200),
      otherwise: 403,
    },
    {
      label: 'open a branchB topic the leader leads',
      method: 'POST',
      url: () => '/api/v1/research/topics',
      body: (hh) => ({
        campaignId: ids.campaign,
        orgId: hh.fx.units.branchB.id,
        leaderId: hh.fx.people.leader,
        title: '矩阵：新课题',
      }),
      expect: { ...reviewers(201), leader: 201 },
      otherwise: 403,
    },
    {
      label: 'write the report of the leader’s branchB topic',
      method: 'PUT',
      url: () => `/api/v1/research/topics/${ids.subject}/report`,
      body: async (hh) => {
        await freshTopic(hh, false);
        return { version: ids.version, ...REPORT };
      },
      expect: { ...reviewers(200), leader: 200 },
      otherwise: 403,
    },
    {
      label: 'accept a written report',
      method: 'POST',
      url: () => `/api/v1/research/topics/${ids.subject}/review`,
      body: async (hh) => {
        await freshTopic(hh, true);
        return { version: ids.version, accept: true, recommended: false };
      },
      expect: reviewers(200),
      otherwise: 403,
    },
    {
      label: 'turn a visit’s finding into a problem',
      method: 'POST',
      url: () => `/api/v1/research/visits/${ids.child}/to-problem`,
      body: async (hh) => {
        await freshTopic(hh, false);
        ids.child = (
          await admin(hh, 'POST', `/api/v1/research/topics/${ids.subject}/visits`, {
            date: '2026-11-04',
            place: '街道',
            method: '座谈',
            findings: '窗口排队时间长',
          })
        ).id;
        return { title: '窗口排队时间长' };
      },
      expect: { ...reviewers(201), leader: 201 },
      otherwise: 403,
    },
    {
      label: 'turn a report’s finding into a problem',
      method: 'POST',
      url: () => `/api/v1/research/topics/${ids.subject}/report/to-problem`,
      body: async (hh) => {
        await freshTopic(hh, true);
        return { title: '审批环节多' };
      },
      expect: { ...reviewers(201), leader: 201 },
      otherwise: 403,
    },
    {
      label: 'turn a report’s practice into an institution',
      method: 'POST',
      url: () => `/api/v1/research/topics/${ids.subject}/to-institution`,
      body: async (hh) => {
        await freshTopic(hh, true);
        return { title: '窗口服务规范', reason: '调研成果转化' };
      },
      expect: { ...reviewers(201), leader: 201 },
      otherwise: 403,
    },
    {
      label: 'record a meeting of branchA',
      method: 'POST',
      url: () => '/api/v1/meetings',
      body: (hh) => ({
        campaignId: ids.campaign,
        orgId: hh.fx.units.branchA.id,
        kind: 'organisational_life',
        date: '2026-11-02',
        attendeeIds: [],
      }),
      expect: recorders(201),
      otherwise: 403,
    },
    {
      label: 'turn a meeting item into a problem',
      method: 'POST',
      url: () => `/api/v1/meetings/${ids.subject}/items/${ids.child}/to-problem`,
      body: async (hh) => {
        await freshItem(hh);
        return { title: '理论学习不够深入' };
      },
      expect: recorders(201),
      otherwise: 403,
    },
  ]);
});
