import { beforeAll, expect, it } from 'vitest';
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

  it('a leader takes a topic, visits, turns a finding into a problem, reports in four parts; the secretary accepts and pushes it up', async () => {
    const { call, fx, db } = h();
    const missing = async () =>
      (await call('office', 'GET', `/api/v1/research/leaders-without-report?campaignId=${campaignId}`))
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort();
    expect(await missing()).toEqual(['张三维', '王建国'].sort());
    const topic = await call('leader', 'POST', '/api/v1/research/topics', {
      campaignId,
      orgId: fx.units.branchB.id,
      title: '背街小巷占道经营治理调研',
      plan: '四不两直走访三条街巷',
    });
    expect(topic.statusCode, topic.body).toBe(201);
    const t = topic.json();
    expect(t).toMatchObject({ leaderName: '张三维', status: 'planned' });
    const visit = await call('leader', 'POST', `/api/v1/research/topics/${t.id}/visits`, {
      date: '2026-11-10',
      place: '人民路背街',
      method: '四不两直',
      met: '摊贩、居民',
      findings: '夜间占道经营反弹，管控时段与群众需求错位',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const problem = await call('leader', 'POST', `/api/v1/research/visits/${visit.json().id}/to-problem`, {
      title: '夜间占道经营管控错位',
    });
    expect(problem.statusCode, problem.body).toBe(201);
    const p = (await call('office', 'GET', `/api/v1/problems/${problem.json().id}`)).json();
    expect(p).toMatchObject({
      source: 'research',
      status: 'draft',
      orgId: fx.units.branchB.id,
      sourceRef: { type: 'research_visit', id: visit.json().id },
    });
    expect(
      (await call('leader', 'POST', `/api/v1/research/visits/${visit.json().id}/to-problem`, { title: '再转一次' }))
        .statusCode,
    ).toBe(409);

    const cur = (await call('leader', 'GET', `/api/v1/research/topics/${t.id}`)).json();
    expect(cur.status).toBe('in_progress');
    const reported = await call('leader', 'PUT', `/api/v1/research/topics/${t.id}/report`, {
      version: cur.version,
      situation: '走访三条街巷',
      problems: '管控时段错位',
      analysis: '机制不活',
      measures: '推行错时管理',
    });
    expect(reported.json()).toMatchObject({ status: 'reported', report: { measures: '推行错时管理' } });
    expect(
      (
        await call('leader', 'POST', `/api/v1/research/topics/${t.id}/review`, {
          version: reported.json().version,
          accept: true,
        })
      ).statusCode,
    ).toBe(403);
    const returned = await call('secretary', 'POST', `/api/v1/research/topics/${t.id}/review`, {
      version: reported.json().version,
      accept: false,
    });
    expect(returned.statusCode).toBe(400);
    const accepted = await call('secretary', 'POST', `/api/v1/research/topics/${t.id}/review`, {
      version: reported.json().version,
      accept: true,
      recommended: true,
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted', recommended: true });
    expect(
      (await call('office', 'GET', `/api/v1/research/topics?recommended=true&campaignId=${campaignId}`)).json().total,
    ).toBe(1);
    expect(await missing()).toEqual(['王建国']);
    const inst = await call('leader', 'POST', `/api/v1/research/topics/${t.id}/to-institution`, {
      title: '背街小巷错时管理办法',
      reason: '调研形成的好做法',
    });
    expect(inst.statusCode, inst.body).toBe(201);
    const audit = await db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'research_topic')
      .where('entityId', '=', t.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'visit', 'to_problem', 'report', 'accept', 'to_institution']);
    expect((await call('outsider', 'GET', `/api/v1/research/topics/${t.id}`)).statusCode).toBe(404);
    expect(
      (
        await call('officer', 'POST', '/api/v1/research/topics', {
          campaignId,
          orgId: fx.units.branchA.id,
          leaderId: fx.people.leader,
          title: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a 民主生活会 item becomes an individual problem (source 民主生活会) in one step', async () => {
    const { call, fx } = h();
    const m = await call('officer', 'POST', '/api/v1/meetings', {
      campaignId,
      orgId: fx.units.branchA.id,
      kind: 'organisational_life',
      date: '2026-11-15',
      attendeeIds: [fx.people.officerA, fx.people.memberA, fx.people.memberA2],
    });
    expect(m.statusCode, m.body).toBe(201);
    const item = await call('officer', 'POST', `/api/v1/meetings/${m.json().id}/items`, {
      kind: 'criticism',
      fromPersonId: fx.people.officerA,
      toPersonId: fx.people.memberA,
      content: '学习笔记多、联系实际少',
    });
    expect(item.statusCode).toBe(201);
    const prob = await call('officer', 'POST', `/api/v1/meetings/${m.json().id}/items/${item.json().id}/to-problem`, {
      title: '理论联系实际不够',
    });
    expect(prob.statusCode, prob.body).toBe(201);
    const p = (await call('officer', 'GET', `/api/v1/problems/${prob.json().id}`)).json();
    expect(p).toMatchObject({ source: 'life_meeting', personName: '孙晓雨', description: '学习笔记多、联系实际少' });
    expect((await call('member', 'GET', `/api/v1/problems/${prob.json().id}`)).statusCode).toBe(200);
    const detail = (await call('officer', 'GET', `/api/v1/meetings/${m.json().id}`)).json();
    expect(detail.items[0]).toMatchObject({ fromName: '赵立新', toName: '孙晓雨', problemId: prob.json().id });
    expect((await call('outsider', 'GET', `/api/v1/meetings/${m.json().id}`)).statusCode).toBe(404);
    expect(
      (
        await call('member', 'POST', '/api/v1/meetings', {
          campaignId,
          orgId: fx.units.branchA.id,
          kind: 'organisational_life',
          date: '2026-11-15',
          attendeeIds: [],
        })
      ).statusCode,
    ).toBe(403);
  });
});
