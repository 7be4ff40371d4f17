import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, today } from '../../clock.ts';

/** Who is 应到 by session kind; correcting a recorded session; a make-up's note and its undo. */
describeEachDb('#study roster and corrections', (h) => {
  let campaignId: number;
  let citizen: number;
  beforeAll(async () => {
    const { db, fx } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    citizen = await fx.writer.person(fx.units.branchA, '吴群众', '科员', false);
  });

  const body = (kind: string, attendance: Array<{ personId: number; status: string; reason?: string }>) => ({
    campaignId,
    orgId: h().fx.units.branchA.id,
    kind,
    mode: 'exchange',
    date: addDays(today(), -3),
    hours: 2,
    topic: '学习党章',
    attendance,
  });
  const rosterIds = async (kind: string) =>
    (await h().call('officer', 'GET', `/api/v1/study/sessions/roster?orgId=${h().fx.units.branchA.id}&kind=${kind}`))
      .json()
      .items.map((p: { id: number }) => p.id);

  it('counts Party members as 应到 at a 支部党员大会 and everyone at other kinds', async () => {
    const { call, fx } = h();
    const party = await rosterIds('members_meeting');
    expect(party).not.toContain(citizen);
    expect(party).toEqual(expect.arrayContaining([fx.people.officerA, fx.people.memberA, fx.people.memberA2]));
    expect(await rosterIds('first_topic')).toContain(citizen);

    const everyone = [...party.map((id: number) => ({ personId: id, status: 'present' }))];
    const refused = await call(
      'officer',
      'POST',
      '/api/v1/study/sessions',
      body('members_meeting', [...everyone, { personId: citizen, status: 'absent', reason: '非党员' }]),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toEqual({
      path: 'attendance',
      message: expect.stringContaining('“支部党员大会”只计中共党员，以下人员不是党员，不应列入出勤名单：吴群众'),
    });
    const held = await call('officer', 'POST', '/api/v1/study/sessions', body('members_meeting', everyone));
    expect(held.statusCode, held.body).toBe(201);
    expect(held.json()).toMatchObject({ expected: party.length, present: party.length });
    const topic = await call(
      'officer',
      'POST',
      '/api/v1/study/sessions',
      body('first_topic', [...everyone, { personId: citizen, status: 'present' }]),
    );
    expect(topic.statusCode, topic.body).toBe(201);
    expect(topic.json().expected).toBe(party.length + 1);
  });

  it('corrects a recorded session: audited, make-ups and the maintained figures follow', async () => {
    const { call, fx } = h();
    const dashboard = async () =>
      (await call('office', 'GET', `/api/v1/dashboard?campaignId=${campaignId}&orgId=${fx.units.branchA.id}`)).json()
        .study;
    const created = (
      await call(
        'officer',
        'POST',
        '/api/v1/study/sessions',
        body('party_lecture', [
          { personId: fx.people.officerA, status: 'present' },
          { personId: fx.people.memberA, status: 'absent', reason: '病假' },
        ]),
      )
    ).json();
    const before = await dashboard();
    const { attendance, ...rest } = body('party_lecture', [
      { personId: fx.people.officerA, status: 'present' },
      { personId: fx.people.memberA, status: 'present' },
    ]);
    const edit = { ...rest, campaignId: undefined, orgId: undefined, attendance, topic: '专题党课：学习党章' };
    const member = await call('member', 'PATCH', `/api/v1/study/sessions/${created.id}`, {
      ...edit,
      version: created.version,
    });
    expect(member.statusCode).toBe(403);
    const fixed = await call('officer', 'PATCH', `/api/v1/study/sessions/${created.id}`, {
      ...edit,
      version: created.version,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ topic: '专题党课：学习党章', expected: 2, present: 2 });
    const stale = await call('officer', 'PATCH', `/api/v1/study/sessions/${created.id}`, {
      ...edit,
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    expect((await call('officer', 'GET', `/api/v1/study/makeups?sessionId=${created.id}`)).json().items).toEqual([]);
    const after = await dashboard();
    expect(after.openMakeups).toBe(before.openMakeups - 1);
    expect(after.uncoveredSessions).toBe(before.uncoveredSessions - 1);
    const history = (await call('office', 'GET', `/api/v1/audit/entity/study_session/${created.id}`)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });

  it('closes a make-up with how it was made up and undoes it, both audited; the date must have happened', async () => {
    const { call, fx } = h();
    const created = (
      await call(
        'officer',
        'POST',
        '/api/v1/study/sessions',
        body('group_meeting', [{ personId: fx.people.memberA2, status: 'absent', reason: '值班' }]),
      )
    ).json();
    const item = () =>
      call('officer', 'GET', `/api/v1/study/makeups?sessionId=${created.id}`).then((r) => r.json().items[0]);
    const open = await item();
    const patch = (extra: Record<string, unknown>) =>
      call('officer', 'PATCH', `/api/v1/study/makeups/${open.id}`, { version: open.version, ...extra });
    const future = await patch({ status: 'done', madeUpDate: addDays(today(), 2), note: '观看录像' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: 'madeUpDate', message: expect.stringContaining('补学日期') });
    const early = await patch({ status: 'done', madeUpDate: addDays(today(), -30), note: '观看录像' });
    expect(early.json().errors[0]).toMatchObject({ path: 'madeUpDate', message: expect.stringContaining('不能早于') });

    expect((await patch({ status: 'done', madeUpDate: today(), note: '观看录像并交心得' })).statusCode).toBe(200);
    const done = await item();
    expect(done).toMatchObject({ status: 'done', madeUpDate: today(), note: '观看录像并交心得' });
    const undo = await call('officer', 'PATCH', `/api/v1/study/makeups/${open.id}`, {
      status: 'open',
      version: done.version,
    });
    expect(undo.statusCode).toBe(200);
    expect(await item()).toMatchObject({ status: 'open', madeUpDate: null, note: '' });
    const history = (await call('office', 'GET', `/api/v1/audit/entity/study_session/${created.id}`)).json().items;
    const reopen = history.find((e: { action: string }) => e.action === 'makeup_reopen');
    expect(reopen.before).toMatchObject({ status: 'done', note: '观看录像并交心得' });
    expect(history.some((e: { action: string }) => e.action === 'makeup_done')).toBe(true);
  });
});
