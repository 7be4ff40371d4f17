/** Every role against the 理论学习, 调查研究 and 民主生活会 routes, on both databases. */
import { beforeAll } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';

describeEachDb('permission matrix: study, research, meetings', (h) => {
  const ids = { campaign: 0, session: 0, topic: 0, meeting: 0 };
  beforeAll(async () => {
    const { db, fx, call } = h();
    ids.campaign = await fixtureCampaign(db, fx.units.root.id);
    const s = await call('officer', 'POST', '/api/v1/study/sessions', {
      campaignId: ids.campaign,
      orgId: fx.units.branchA.id,
      kind: 'party_lecture',
      mode: 'leader',
      date: '2026-11-01',
      hours: 2,
      topic: '党课',
      attendance: [{ personId: fx.people.memberA, status: 'present' }],
    });
    ids.session = s.json().id;
    const t = await call('leader', 'POST', '/api/v1/research/topics', {
      campaignId: ids.campaign,
      orgId: fx.units.branchB.id,
      title: '调研',
    });
    ids.topic = t.json().id;
    const m = await call('officer', 'POST', '/api/v1/meetings', {
      campaignId: ids.campaign,
      orgId: fx.units.branchA.id,
      kind: 'organisational_life',
      date: '2026-11-02',
      attendeeIds: [],
    });
    ids.meeting = m.json().id;
  });
  const session = (_hh: ReturnType<typeof h>, orgId: number) => ({
    campaignId: ids.campaign,
    orgId,
    kind: 'seminar',
    mode: 'exchange',
    date: '2026-11-03',
    hours: 1,
    topic: '研讨',
    attendance: [] as unknown[],
  });

  permissionMatrix(h, [
    {
      label: 'read a branchA session',
      method: 'GET',
      url: () => `/api/v1/study/sessions/${ids.session}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, member: 200 },
      otherwise: 404,
    },
    {
      label: 'record a session in branchA',
      method: 'POST',
      url: () => '/api/v1/study/sessions',
      body: (hh) => session(hh, hh.fx.units.branchA.id),
      expect: { admin: 201, office: 201, secretary: 201, officer: 201 },
      otherwise: 403,
    },
    {
      label: 'study figures of branchA',
      method: 'GET',
      url: (fx) => `/api/v1/study/figures?campaignId=${ids.campaign}&orgId=${fx.units.branchA.id}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    { label: 'list make-ups', method: 'GET', url: () => '/api/v1/study/makeups', expect: {}, otherwise: 200 },
    {
      label: 'export the 学习台账',
      method: 'GET',
      url: () => `/api/v1/exports/study.xlsx?campaignId=${ids.campaign}`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'read a branchB research topic',
      method: 'GET',
      url: () => `/api/v1/research/topics/${ids.topic}`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'record a visit on it',
      method: 'POST',
      url: () => `/api/v1/research/topics/${ids.topic}/visits`,
      body: () => ({ date: '2026-11-04', place: '街道', method: '座谈' }),
      expect: { admin: 201, office: 201, secretary: 201, leader: 201 },
      otherwise: 403,
    },
    {
      label: 'leaders without a report',
      method: 'GET',
      url: () => `/api/v1/research/leaders-without-report?campaignId=${ids.campaign}`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200, officer: 200, supervisor: 200, outsider: 200 },
      otherwise: 404,
    },
    {
      label: 'read a branchA meeting',
      method: 'GET',
      url: () => `/api/v1/meetings/${ids.meeting}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    {
      label: 'add an item to it',
      method: 'POST',
      url: () => `/api/v1/meetings/${ids.meeting}/items`,
      body: (hh) => ({ kind: 'self', fromPersonId: hh.fx.people.officerA, content: '自我批评' }),
      expect: { admin: 201, office: 201, secretary: 201, officer: 201 },
      otherwise: 403,
    },
    {
      label: 'export the 签到表 of a branchA session',
      method: 'GET',
      url: () => `/api/v1/exports/attendance.xlsx?sessionId=${ids.session}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, member: 200 },
      otherwise: 404,
    },
    {
      label: 'download the 签到表 template',
      method: 'GET',
      url: () => '/api/v1/exports/attendance-template.xlsx',
      expect: {},
      otherwise: 200,
    },
    {
      // A JSON body gets past the role check only to be refused as not multipart (400): who reaches the parser.
      label: 'import a 签到表',
      method: 'POST',
      url: () => '/api/v1/imports/attendance',
      body: () => ({}),
      expect: { admin: 400, office: 400, secretary: 400, officer: 400, outsider: 400 },
      otherwise: 403,
    },
  ]);
});
