/**
 * 调研 and 民主生活会 through their routes, one describe per route. The steps build on each other in order
 * (a topic is taken, visited, reported, reviewed, turned into an institution), so each `it` names the step
 * and the answer it expects, and a failure says which route broke.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';

describeEachDb('#research and #meetings', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    const { db, fx } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    await db
      .updateTable('people')
      .set({ leadershipLevel: 'county' })
      .where('id', 'in', [fx.people.leader, fx.people.chief])
      .execute();
  });

  /** The county leaders the office sees without an accepted report. */
  const missing = async () => {
    const res = await h().call('office', 'GET', `/api/v1/research/leaders-without-report?campaignId=${campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json()
      .items.map((p: { name: string }) => p.name)
      .sort();
  };

  // The topic's story, shared by the steps below (vitest runs them in order).
  let topicId: number;
  let visitId: number;
  let reportedVersion: number;

  describe('#research.leaders-without-report', () => {
    it('lists every county leader before anyone reports', async () => {
      expect(await missing()).toEqual(['张三维', '王建国'].sort());
    });
  });

  describe('#research.topics.create', () => {
    it('answers 201 with the leader and status planned when a leader takes a topic', async () => {
      const { call, fx } = h();
      const topic = await call('leader', 'POST', '/api/v1/research/topics', {
        campaignId,
        orgId: fx.units.branchB.id,
        title: '背街小巷占道经营治理调研',
        plan: '四不两直走访三条街巷',
      });
      expect(topic.statusCode, topic.body).toBe(201);
      expect(topic.json()).toMatchObject({ leaderName: '张三维', status: 'planned' });
      topicId = topic.json().id;
    });

    it('fails with 403 when an officer assigns a topic to a leader', async () => {
      const { call, fx } = h();
      const res = await call('officer', 'POST', '/api/v1/research/topics', {
        campaignId,
        orgId: fx.units.branchA.id,
        leaderId: fx.people.leader,
        title: 'x',
      });
      expect(res.statusCode, res.body).toBe(403);
    });
  });

  describe('#research.topics.visits', () => {
    it('answers 201 when the leader records a visit', async () => {
      const visit = await h().call('leader', 'POST', `/api/v1/research/topics/${topicId}/visits`, {
        date: '2026-11-10',
        place: '人民路背街',
        method: '四不两直',
        met: '摊贩、居民',
        findings: '夜间占道经营反弹，管控时段与群众需求错位',
      });
      expect(visit.statusCode, visit.body).toBe(201);
      visitId = visit.json().id;
    });
  });

  describe('#research.visits.to-problem', () => {
    it("answers 201 and files a draft problem sourced from the visit, in the topic's unit", async () => {
      const { call, fx } = h();
      const problem = await call('leader', 'POST', `/api/v1/research/visits/${visitId}/to-problem`, {
        title: '夜间占道经营管控错位',
      });
      expect(problem.statusCode, problem.body).toBe(201);
      const read = await call('office', 'GET', `/api/v1/problems/${problem.json().id}`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toMatchObject({
        source: 'research',
        status: 'draft',
        orgId: fx.units.branchB.id,
        sourceRef: { type: 'research_visit', id: visitId },
      });
    });

    it('fails with 409 when the visit was already turned into a problem', async () => {
      const res = await h().call('leader', 'POST', `/api/v1/research/visits/${visitId}/to-problem`, {
        title: '再转一次',
      });
      expect(res.statusCode, res.body).toBe(409);
    });
  });

  describe('#research.topics.report', () => {
    it('answers 200 with status reported and the four parts once the topic is in progress', async () => {
      const { call } = h();
      const cur = await call('leader', 'GET', `/api/v1/research/topics/${topicId}`);
      expect(cur.statusCode, cur.body).toBe(200);
      expect(cur.json().status).toBe('in_progress');
      const reported = await call('leader', 'PUT', `/api/v1/research/topics/${topicId}/report`, {
        version: cur.json().version,
        situation: '走访三条街巷',
        problems: '管控时段错位',
        analysis: '机制不活',
        measures: '推行错时管理',
      });
      expect(reported.statusCode, reported.body).toBe(200);
      expect(reported.json()).toMatchObject({ status: 'reported', report: { measures: '推行错时管理' } });
      reportedVersion = reported.json().version;
    });
  });

  describe('#research.topics.review', () => {
    it('fails with 403 when the leader reviews their own report', async () => {
      const res = await h().call('leader', 'POST', `/api/v1/research/topics/${topicId}/review`, {
        version: reportedVersion,
        accept: true,
      });
      expect(res.statusCode, res.body).toBe(403);
    });

    it('fails with 400 when the secretary returns the report without saying why', async () => {
      const res = await h().call('secretary', 'POST', `/api/v1/research/topics/${topicId}/review`, {
        version: reportedVersion,
        accept: false,
      });
      expect(res.statusCode, res.body).toBe(400);
    });

    it('answers 200 with status accepted and recommended when the secretary accepts and pushes it up', async () => {
      const { call } = h();
      const accepted = await call('secretary', 'POST', `/api/v1/research/topics/${topicId}/review`, {
        version: reportedVersion,
        accept: true,
        recommended: true,
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ status: 'accepted', recommended: true });
    });

    it('lists the accepted topic among the recommended ones, and the leader no longer misses a report', async () => {
      const list = await h().call('office', 'GET', `/api/v1/research/topics?recommended=true&campaignId=${campaignId}`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().total).toBe(1);
      expect(await missing()).toEqual(['王建国']);
    });
  });

  describe('#research.topics.to-institution', () => {
    it('answers 201 when the leader turns the accepted topic into an institution draft', async () => {
      const inst = await h().call('leader', 'POST', `/api/v1/research/topics/${topicId}/to-institution`, {
        title: '背街小巷错时管理办法',
        reason: '调研形成的好做法',
      });
      expect(inst.statusCode, inst.body).toBe(201);
    });

    it('has audited every step of the topic, in order', async () => {
      const audit = await h()
        .db.selectFrom('auditEvents')
        .select('action')
        .where('entityType', '=', 'research_topic')
        .where('entityId', '=', topicId)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'create',
        'visit',
        'to_problem',
        'report',
        'accept',
        'to_institution',
      ]);
    });
  });

  describe('#research.topics.read', () => {
    it('fails with 404 when an outsider opens the topic', async () => {
      const res = await h().call('outsider', 'GET', `/api/v1/research/topics/${topicId}`);
      expect(res.statusCode, res.body).toBe(404);
    });
  });

  // 民主生活会: a criticism item becomes an individual problem in one step.
  let meetingId: number;
  let itemId: number;
  let lifeProblemId: number;

  describe('#meetings.create', () => {
    it('answers 201 when the officer records a 组织生活会 with its attendees', async () => {
      const { call, fx } = h();
      const m = await call('officer', 'POST', '/api/v1/meetings', {
        campaignId,
        orgId: fx.units.branchA.id,
        kind: 'organisational_life',
        date: '2026-11-15',
        attendeeIds: [fx.people.officerA, fx.people.memberA, fx.people.memberA2],
      });
      expect(m.statusCode, m.body).toBe(201);
      meetingId = m.json().id;
    });

    it('fails with 403 when a member records a meeting', async () => {
      const { call, fx } = h();
      const res = await call('member', 'POST', '/api/v1/meetings', {
        campaignId,
        orgId: fx.units.branchA.id,
        kind: 'organisational_life',
        date: '2026-11-15',
        attendeeIds: [],
      });
      expect(res.statusCode, res.body).toBe(403);
    });
  });

  describe('#meetings.items.create', () => {
    it('answers 201 for a criticism from one attendee to another', async () => {
      const { call, fx } = h();
      const item = await call('officer', 'POST', `/api/v1/meetings/${meetingId}/items`, {
        kind: 'criticism',
        fromPersonId: fx.people.officerA,
        toPersonId: fx.people.memberA,
        content: '学习笔记多、联系实际少',
      });
      expect(item.statusCode, item.body).toBe(201);
      itemId = item.json().id;
    });
  });

  describe('#meetings.items.to-problem', () => {
    it('answers 201 and files an individual problem (source 民主生活会) for the criticised person', async () => {
      const { call } = h();
      const prob = await call('officer', 'POST', `/api/v1/meetings/${meetingId}/items/${itemId}/to-problem`, {
        title: '理论联系实际不够',
      });
      expect(prob.statusCode, prob.body).toBe(201);
      lifeProblemId = prob.json().id;
      const read = await call('officer', 'GET', `/api/v1/problems/${lifeProblemId}`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toMatchObject({
        source: 'life_meeting',
        personName: '孙晓雨',
        description: '学习笔记多、联系实际少',
      });
    });

    it('lets the member read the problem filed about them', async () => {
      const res = await h().call('member', 'GET', `/api/v1/problems/${lifeProblemId}`);
      expect(res.statusCode, res.body).toBe(200);
    });
  });

  describe('#meetings.read', () => {
    it('answers 200 with the item naming both people and the problem it became', async () => {
      const detail = await h().call('officer', 'GET', `/api/v1/meetings/${meetingId}`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json().items[0]).toMatchObject({ fromName: '赵立新', toName: '孙晓雨', problemId: lifeProblemId });
    });

    it('fails with 404 when an outsider opens the meeting', async () => {
      const res = await h().call('outsider', 'GET', `/api/v1/meetings/${meetingId}`);
      expect(res.statusCode, res.body).toBe(404);
    });
  });
});
