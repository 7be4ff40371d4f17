/**
 * 上级审核 adjusting a claim's points, then 公示 with 异议 after 定稿: a unit objects to its own score, the office
 * upholds or adjusts (the frozen result is ranked again, audited), and the result is 最终 only once the 公示 has
 * ended and every objection is answered. Both databases.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, today } from '../../clock.ts';

type Json = Record<string, any>;

describeEachDb('assessment 公示 and 异议', (h) => {
  let a: Json;
  const ind: Record<string, number> = {};
  const saved = process.env.TAIZHANG_TODAY;
  const start = today();
  const url = (tail = '') => `/api/v1/assessments/${a.id}${tail}`;
  const fresh = async () => (a = (await h().call('office', 'GET', url())).json());
  const scoreOf = async (orgId: number) =>
    (await h().call('office', 'GET', url('/scores'))).json().items.find((i: Json) => i.orgId === orgId);
  const move = (who: string, action: string, extra: Json = {}) =>
    h().call(who, 'POST', url('/transitions'), { action, version: a.version, ...extra });
  const object = (who: string, orgId: number, indicatorId: number, reason = '出勤数据漏记了一次集中学习') =>
    h().call(who, 'POST', url('/objections'), { orgId, indicatorId, reason });

  beforeAll(async () => {
    const { db, fx, call } = h();
    const campaignId = await fixtureCampaign(db, fx.units.root.id);
    const res = await call('office', 'POST', '/api/v1/assessments', {
      campaignId,
      orgId: fx.units.root.id,
      name: '党支部考核（公示）',
      period: '本年度',
      periodFrom: `${start.slice(0, 4)}-01-01`,
      periodTo: `${start.slice(0, 4)}-12-31`,
      groups: [{ key: 'branch' }],
      starLevels: [
        { stars: 5, minScore: 16, quota: 0.34 },
        { stars: 3, minScore: 0 },
      ],
      areas: [
        {
          name: '工作实绩',
          indicators: [
            { name: '创新项目', kind: 'bonus', maxPoints: 10 },
            { name: '工作实绩', kind: 'bonus', maxPoints: 20 },
            { name: '违纪违法', kind: 'veto', maxPoints: 0 },
          ],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    a = res.json();
    for (const i of a.areas[0].indicators) ind[i.name] = i.id;
    const enter = async (orgId: number, name: string, points: number) =>
      expect(
        (await call('office', 'POST', url('/entries'), { indicatorId: ind[name], orgId, points, reason: '核定' }))
          .statusCode,
      ).toBe(201);
    // branchA 5 + 10 = 15, branchB 8 + 10 = 18, branchC 3 + 10 = 13.
    await enter(fx.units.branchA.id, '创新项目', 5);
    await enter(fx.units.branchB.id, '创新项目', 8);
    await enter(fx.units.branchC.id, '创新项目', 3);
    for (const b of [fx.units.branchA, fx.units.branchB, fx.units.branchC]) await enter(b.id, '工作实绩', 10);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TAIZHANG_TODAY;
    else process.env.TAIZHANG_TODAY = saved;
  });

  it('上级审核 may adjust a claimed item’s points, with a reason, before accepting it', async () => {
    const { fx, call } = h();
    const claim = await call('officer', 'POST', url('/entries'), {
      indicatorId: ind['工作实绩'],
      orgId: fx.units.branchA.id,
      points: 6,
      reason: '承办全市现场会',
    });
    expect(claim.json().status).toBe('pending');
    const review = url(`/entries/${claim.json().id}/review`);
    const noReason = await call('office', 'POST', review, { accept: true, points: 2, version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('note');
    expect(noReason.json().detail).toContain('理由');
    const rejectWithPoints = await call('office', 'POST', review, { accept: false, points: 2, version: 1 });
    expect(rejectWithPoints.json().errors[0].path).toBe('points');
    expect((await call('office', 'POST', review, { accept: true, points: -1, version: 1 })).statusCode).toBe(400);
    expect((await call('officer', 'POST', review, { accept: true, points: 6, version: 1 })).statusCode).toBe(403);
    const ok = await call('office', 'POST', review, {
      accept: true,
      points: 2,
      note: '现场会为协办，核减',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'accepted',
      points: 2,
      claimedPoints: 6,
      reviewNote: '现场会为协办，核减',
    });
    // 工作实绩 10 + 2 (the adjusted points, not the 6 claimed) with 创新项目 5.
    expect((await scoreOf(fx.units.branchA.id)).score).toBe(17);
    const audit = await h()
      .db.selectFrom('auditEvents')
      .select(['action', 'before', 'after'])
      .where('entityType', '=', 'assessment_entry')
      .where('entityId', '=', claim.json().id)
      .where('action', '=', 'accept')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!)).toMatchObject({ points: 6 });
    expect(JSON.parse(audit.after!)).toMatchObject({ points: 2 });
  });

  it('no objection and no 公示 before 定稿; the 公示 needs an end date from today on', async () => {
    const { fx } = h();
    expect((await object('officer', fx.units.branchA.id, ind['创新项目'])).statusCode).toBe(409);
    expect((await move('office', 'open_publicity', { publicityUntil: addDays(start, 3) })).statusCode).toBe(409);
    expect((await move('office', 'finalise')).statusCode).toBe(200);
    await fresh();
    expect(a).toMatchObject({ phase: 'final', statusLabel: '已定稿', publicityUntil: null });
    const early = await object('officer', fx.units.branchA.id, ind['创新项目']);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('尚未公示');
    expect((await move('office', 'confirm')).json().detail).toContain('公示');
    const none = await move('office', 'open_publicity');
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('publicityUntil');
    const past = await move('office', 'open_publicity', { publicityUntil: addDays(start, -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().detail).toContain('不能早于今天');
    expect((await move('office', 'open_publicity', { publicityUntil: 'soon' })).statusCode).toBe(400);
    expect((await move('officer', 'open_publicity', { publicityUntil: addDays(start, 3) })).statusCode).toBe(403);
    const open = await move('office', 'open_publicity', { publicityUntil: addDays(start, 3) });
    expect(open.statusCode, open.body).toBe(200);
    a = open.json();
    expect(a).toMatchObject({
      phase: 'publicity',
      statusLabel: '公示中',
      published: true,
      publicityFrom: start,
      publicityUntil: addDays(start, 3),
    });
    expect(a.abilities).toMatchObject({ open_publicity: false, confirm: false, answer: true });
    expect((await move('office', 'open_publicity', { publicityUntil: addDays(start, 5) })).statusCode).toBe(409);
  });

  it('during the 公示 a unit objects to its own score only; the office sees it on its to-do list', async () => {
    const { fx, call } = h();
    const res = await object('officer', fx.units.branchA.id, ind['创新项目']);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'open', statusLabel: '待答复', indicatorName: '创新项目' });
    expect((await object('officer', fx.units.branchB.id, ind['创新项目'])).statusCode).toBe(403);
    expect((await object('office', fx.units.branchA.id, ind['创新项目'])).statusCode).toBe(403);
    const blank = await call('officer', 'POST', url('/objections'), {
      orgId: fx.units.branchA.id,
      indicatorId: ind['创新项目'],
      reason: '',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().detail).toContain('异议理由');
    const stranger = await object('officer', fx.units.branchA.id, 999999);
    expect(stranger.json().errors[0].path).toBe('indicatorId');
    // The unit sees its own objections; another branch sees none of them.
    expect((await call('officer', 'GET', url('/objections'))).json().total).toBe(1);
    expect((await call('outsider', 'GET', url('/objections'))).json().total).toBe(0);
    const todos = (await call('office', 'GET', '/api/v1/todos?kind=assessment_objection')).json();
    expect(todos.items.map((t: Json) => t.id)).toEqual([res.json().id]);
    expect(todos.items[0].link).toContain(`/assessments?id=${a.id}`);
    expect((await call('officer', 'GET', '/api/v1/todos?kind=assessment_objection')).json().total).toBe(0);
    expect((await fresh()).openObjections).toBe(1);
  });

  it('调整 changes the frozen points, ranks the result again and is audited; 维持 leaves it', async () => {
    const { fx, call, db } = h();
    const [o] = (await call('office', 'GET', url('/objections'))).json().items;
    const answer = url(`/objections/${o.id}/answer`);
    const noPoints = await call('office', 'POST', answer, { decision: 'adjust', reason: '核实', version: o.version });
    expect(noPoints.json().errors[0].path).toBe('points');
    const tooMany = await call('office', 'POST', answer, {
      decision: 'adjust',
      reason: '核实',
      points: 11,
      version: o.version,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().detail).toContain('10');
    expect(
      (await call('officer', 'POST', answer, { decision: 'uphold', reason: '自答', version: o.version })).statusCode,
    ).toBe(403);
    expect(
      (await call('office', 'POST', answer, { decision: 'uphold', reason: '', version: o.version })).statusCode,
    ).toBe(400);
    const before = { a: await scoreOf(fx.units.branchA.id), b: await scoreOf(fx.units.branchB.id) };
    expect(before.a).toMatchObject({ score: 17, rank: 2, stars: 3 });
    expect(before.b).toMatchObject({ score: 18, rank: 1, stars: 5 });
    const ok = await call('office', 'POST', answer, {
      decision: 'adjust',
      reason: '补录的集中学习属实，创新项目按满分认定',
      points: 10,
      version: o.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'adjusted', pointsBefore: 5, pointsAfter: 10 });
    // branchA 10 + 12 = 22 now leads; the one 五星 place (quota 1 of 3) moves to it.
    expect(await scoreOf(fx.units.branchA.id)).toMatchObject({ score: 22, rank: 1, stars: 5 });
    expect(await scoreOf(fx.units.branchB.id)).toMatchObject({ score: 18, rank: 2, stars: 3 });
    const part = (await scoreOf(fx.units.branchA.id)).parts.find((p: Json) => p.indicatorId === ind['创新项目']);
    expect(part.points).toBe(10);
    const audit = await db
      .selectFrom('auditEvents')
      .select(['action', 'before', 'after'])
      .where('entityType', '=', 'assessment_objection')
      .where('entityId', '=', o.id)
      .where('action', '=', 'adjust')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!)).toMatchObject({ points: 5, score: 17 });
    expect(JSON.parse(audit.after!)).toMatchObject({ points: 10, score: 22 });
    expect(
      (await call('office', 'POST', answer, { decision: 'uphold', reason: '再答', version: o.version + 1 })).statusCode,
    ).toBe(409);

    const second = (await object('officer', fx.units.branchA.id, ind['工作实绩'], '工作实绩应按原申报6分')).json();
    const upheld = await call('office', 'POST', url(`/objections/${second.id}/answer`), {
      decision: 'uphold',
      reason: '现场会为协办，维持核减',
      version: second.version,
    });
    expect(upheld.json()).toMatchObject({ status: 'upheld', pointsBefore: 12, pointsAfter: 12 });
    expect((await scoreOf(fx.units.branchA.id)).score).toBe(22);
  });

  it('最终 only after the 公示 has ended and every objection is answered', async () => {
    const { fx, call } = h();
    const open = (await object('officer', fx.units.branchA.id, ind['违纪违法'], '不应否决')).json();
    await fresh();
    const during = await move('office', 'confirm');
    expect(during.statusCode).toBe(409);
    expect(during.json().detail).toContain('期满后');
    process.env.TAIZHANG_TODAY = addDays(start, 4);
    await fresh();
    expect(a).toMatchObject({ phase: 'publicity_ended', statusLabel: '公示期满', openObjections: 1 });
    const late = await object('officer', fx.units.branchA.id, ind['创新项目']);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('公示期已结束');
    const waiting = await move('office', 'confirm');
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().detail).toContain('还有1条异议未答复');
    const veto = await call('office', 'POST', url(`/objections/${open.id}/answer`), {
      decision: 'adjust',
      reason: '否决无分值',
      points: 0,
      version: open.version,
    });
    expect(veto.json().errors[0].path).toBe('points');
    expect(
      (
        await call('office', 'POST', url(`/objections/${open.id}/answer`), {
          decision: 'uphold',
          reason: '本单位无违纪情形，不涉及否决，维持',
          version: open.version,
        })
      ).statusCode,
    ).toBe(200);
    await fresh();
    expect(a.abilities.confirm).toBe(true);
    const done = await move('office', 'confirm');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ phase: 'confirmed', statusLabel: '最终结果', openObjections: 0 });
    expect(done.json().confirmedAt).toBeTruthy();
    a = done.json();
    expect((await move('office', 'confirm')).statusCode).toBe(409);
    expect((await call('office', 'GET', '/api/v1/todos?kind=assessment_objection')).json().total).toBe(0);
  });
});
