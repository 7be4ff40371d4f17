import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, today } from '../../clock.ts';
import { loadActor } from '../../auth/actor.ts';
import { scopeContains } from '../../db/scope.ts';

describeEachDb('#study', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    const { db, fx } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    await db.updateTable('campaigns').set({ minStudyHours: 4 }).where('id', '=', campaignId).execute();
  });

  const session = (
    fx: ReturnType<typeof h>['fx'],
    attendance: Array<{ personId: number; status: string; reason?: string }>,
    extra: Record<string, unknown> = {},
  ) => ({
    campaignId,
    orgId: fx.units.branchA.id,
    kind: 'members_meeting',
    mode: 'exchange',
    date: '2026-11-02',
    hours: 3,
    topic: '学习党的创新理论',
    speaker: '赵立新',
    attendance,
    ...extra,
  });

  it('creates a make-up for each absentee and keeps them in step when attendance is corrected', async () => {
    const { call, fx } = h();
    const created = await call(
      'officer',
      'POST',
      '/api/v1/study/sessions',
      session(fx, [
        { personId: fx.people.officerA, status: 'present' },
        { personId: fx.people.memberA, status: 'absent', reason: '外出执法' },
        { personId: fx.people.memberA2, status: 'absent', reason: '病假' },
      ]),
    );
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ expected: 3, present: 1, kindLabel: '支部党员大会' });
    const makeups = async () =>
      (await call('officer', 'GET', `/api/v1/study/makeups?sessionId=${s.id}`))
        .json()
        .items.map((m: { personId: number; status: string }) => `${m.personId}:${m.status}`)
        .sort();
    expect(await makeups()).toEqual([`${fx.people.memberA}:open`, `${fx.people.memberA2}:open`].sort());

    const mine = (await call('member', 'GET', '/api/v1/study/makeups')).json().items;
    expect(mine).toHaveLength(1);
    expect(
      (
        await call('member', 'PATCH', `/api/v1/study/makeups/${mine[0].id}`, {
          status: 'done',
          version: mine[0].version,
          madeUpDate: '2026-11-05',
          note: '观看录像补学',
        })
      ).statusCode,
    ).toBe(200);

    const corrected = await call('officer', 'PATCH', `/api/v1/study/sessions/${s.id}`, {
      version: s.version,
      ...session(fx, [
        { personId: fx.people.officerA, status: 'present' },
        { personId: fx.people.memberA, status: 'absent', reason: '外出执法' },
        { personId: fx.people.memberA2, status: 'present' },
      ]),
      campaignId: undefined,
      orgId: undefined,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await makeups()).toEqual([`${fx.people.memberA}:done`]);

    const noReason = await call(
      'officer',
      'POST',
      '/api/v1/study/sessions',
      session(fx, [{ personId: fx.people.memberA, status: 'absent' }]),
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('attendance.0.reason');
    const stranger = await call(
      'officer',
      'POST',
      '/api/v1/study/sessions',
      session(fx, [{ personId: fx.people.officerB, status: 'present' }]),
    );
    expect(stranger.statusCode).toBe(400);
  });

  it('figures equal a direct count: attendance rate, coverage, open make-ups and hours per member', async () => {
    const { call, fx, db } = h();
    await call(
      'officer',
      'POST',
      '/api/v1/study/sessions',
      session(
        fx,
        [
          { personId: fx.people.officerA, status: 'present' },
          { personId: fx.people.memberA, status: 'present' },
          { personId: fx.people.memberA2, status: 'absent', reason: '出差' },
        ],
        { kind: 'party_lecture', hours: 2 },
      ),
    );
    const f = (
      await call('officer', 'GET', `/api/v1/study/figures?campaignId=${campaignId}&orgId=${fx.units.branchA.id}`)
    ).json();
    const rows = await db
      .selectFrom('sessionAttendance')
      .innerJoin('studySessions', 'studySessions.id', 'sessionAttendance.sessionId')
      .select(['sessionAttendance.status', 'sessionAttendance.personId', 'studySessions.id', 'studySessions.hours'])
      .where('studySessions.campaignId', '=', campaignId)
      .execute();
    const makeups = await db.selectFrom('makeupItems').selectAll().execute();
    const done = new Set(makeups.filter((m) => m.status === 'done').map((m) => `${m.sessionId}:${m.personId}`));
    const sessionIds = [...new Set(rows.map((r) => r.id))];
    const covered = sessionIds.filter((id) =>
      rows.filter((r) => r.id === id && r.status === 'absent').every((r) => done.has(`${id}:${r.personId}`)),
    );
    expect(f.sessions).toBe(sessionIds.length);
    expect(f.sessionsByKind).toEqual({ members_meeting: 1, party_lecture: 1 });
    expect(f.attendanceRate).toBeCloseTo(rows.filter((r) => r.status === 'present').length / rows.length);
    expect(f.coverage).toBeCloseTo(covered.length / sessionIds.length);
    expect(f.openMakeups).toBe(makeups.filter((m) => m.status === 'open').length);
    const hours = new Map<number, number>();
    for (const r of rows)
      if (r.status === 'present' || done.has(`${r.id}:${r.personId}`))
        hours.set(r.personId, (hours.get(r.personId) ?? 0) + r.hours);
    const members = [fx.people.officerA, fx.people.memberA, fx.people.memberA2];
    expect(f.hoursPerMember.members).toBe(3);
    expect(f.hoursPerMember.average).toBeCloseTo(members.reduce((s, p) => s + (hours.get(p) ?? 0), 0) / 3, 1);
    expect(f.hoursPerMember.belowMinimum).toBe(members.filter((p) => (hours.get(p) ?? 0) < 4).length);
    const my = (await call('member', 'GET', `/api/v1/study/my-hours?campaignId=${campaignId}`)).json();
    expect(my).toEqual({ hours: hours.get(fx.people.memberA), minimum: 4 });
  });

  it('keeps other branches out and members from recording', async () => {
    const { call, fx } = h();
    const s = (await call('officer', 'GET', '/api/v1/study/sessions')).json().items[0];
    expect((await call('outsider', 'GET', `/api/v1/study/sessions/${s.id}`)).statusCode).toBe(404);
    expect(
      (
        await call('outsider', 'PATCH', `/api/v1/study/sessions/${s.id}`, {
          version: s.version,
          ...session(fx, []),
          campaignId: undefined,
          orgId: undefined,
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('member', 'POST', '/api/v1/study/sessions', session(fx, []))).statusCode).toBe(403);
    expect((await call('member', 'GET', `/api/v1/study/sessions/${s.id}`)).statusCode).toBe(200);
    expect(
      (await call('office', 'GET', `/api/v1/study/sessions?orgId=${fx.units.root.id}`)).json().total,
    ).toBeGreaterThan(0);
  });

  it('exports the 学习台账 with attendance and make-ups', async () => {
    const { app, cookie } = h();
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/exports/study.xlsx?campaignId=${campaignId}`,
      headers: { cookie: await cookie('officer') },
    });
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').text).toBe('集中学习台账');
    expect(ws.getRow(2).getCell(10).text).toBe('缺席人员及原因');
    expect(ws.rowCount).toBeGreaterThanOrEqual(4);
    expect(ws.getRow(3).getCell(11).text).toContain('已补学');
  });

  it('imports a sign-in sheet cell by cell: bad cells are listed and nothing is written; a good sheet sets attendance and make-ups', async () => {
    const { app, cookie, call, fx, db } = h();
    const ExcelJS = (await import('exceljs')).default;
    const { multipart } = await import('../../testing/multipart.ts');
    const s = (
      await call('officer', 'POST', '/api/v1/study/sessions', session(fx, [], { topic: '签到表导入' }))
    ).json();
    const sheet = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('签到表');
      ws.addRow(['姓名', '签到', '缺席原因']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const send = async (buffer: Buffer) => {
      const body = multipart({ name: '签到表.xlsx', content: buffer }, { sessionId: String(s.id) });
      return app.inject({
        method: 'POST',
        url: '/api/v1/imports/attendance',
        payload: body.payload,
        headers: { ...body.headers, cookie: await cookie('officer') },
      });
    };
    const bad = await send(
      await sheet([
        ['赵立新', '出席'],
        ['周文斌', '出席'],
        ['孙晓雨', '请假'],
        ['钱多多', '缺席'],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '3:姓名',
      '4:签到',
      '5:缺席原因',
    ]);
    expect(await db.selectFrom('sessionAttendance').select('personId').where('sessionId', '=', s.id).execute()).toEqual(
      [],
    );
    const ok = await send(
      await sheet([
        ['赵立新', '出席'],
        ['孙晓雨', '√'],
        ['钱多多', '缺席', '外出执法'],
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 3, updated: 0 });
    const makeups = (await call('officer', 'GET', `/api/v1/study/makeups?sessionId=${s.id}`)).json().items;
    expect(makeups.map((m: { personId: number }) => m.personId)).toEqual([fx.people.memberA2]);
  });

  it('derives 三会一课 应召开 vs 已召开 per quarter from the sessions held', async () => {
    const { call, fx } = h();
    const saved = process.env.TAIZHANG_TODAY;
    process.env.TAIZHANG_TODAY = '2026-11-22';
    try {
      const f = (
        await call('officer', 'GET', `/api/v1/study/figures?campaignId=${campaignId}&orgId=${fx.units.branchA.id}`)
      ).json();
      const q4 = Object.fromEntries(
        f.threeMeetingsOneLesson
          .filter((r: { quarter: string }) => r.quarter === '2026-Q4')
          .map((r: { kind: string; required: number; held: number }) => [r.kind, `${r.held}/${r.required}`]),
      );
      expect(q4).toEqual({
        members_meeting: '1/1',
        committee_meeting: '0/3',
        group_meeting: '0/3',
        party_lecture: '1/1',
      });
      expect(
        f.threeMeetingsOneLesson
          .filter((r: { quarter: string }) => r.quarter === '2026-Q1')
          .every((r: { held: number }) => r.held === 0),
      ).toBe(true);
      const office = (
        await call('office', 'GET', `/api/v1/study/figures?campaignId=${campaignId}&orgId=${fx.units.root.id}`)
      ).json();
      const all = office.threeMeetingsOneLesson.find(
        (r: { quarter: string; kind: string }) => r.quarter === '2026-Q4' && r.kind === 'members_meeting',
      );
      expect(all).toMatchObject({ required: 3, held: 1 });
    } finally {
      if (saved === undefined) delete process.env.TAIZHANG_TODAY;
      else process.env.TAIZHANG_TODAY = saved;
    }
  });

  it('study plans: members submit their own, officers the unit’s; the 第一责任人 approves or returns with a reason', async () => {
    const { call, fx } = h();
    const mine = await call('member', 'POST', '/api/v1/study/plans', {
      campaignId,
      personal: true,
      title: '个人自学计划',
      content: '每周精读一篇',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const unit = await call('officer', 'POST', '/api/v1/study/plans', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '支部学习计划',
      content: '每月一次集中学习',
    });
    expect(unit.statusCode).toBe(201);
    expect(
      (
        await call('member', 'POST', '/api/v1/study/plans', {
          campaignId,
          orgId: fx.units.branchA.id,
          title: 'x',
          content: 'y',
        })
      ).statusCode,
    ).toBe(403);
    const plans = (await call('secretary', 'GET', `/api/v1/study/plans?campaignId=${campaignId}`)).json().items;
    const plan = plans.find((p: { id: number }) => p.id === unit.json().id);
    expect(
      (await call('officer', 'POST', `/api/v1/study/plans/${plan.id}/review`, { version: plan.version, approve: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await call('secretary', 'POST', `/api/v1/study/plans/${plan.id}/review`, {
          version: plan.version,
          approve: false,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call('secretary', 'POST', `/api/v1/study/plans/${plan.id}/review`, {
          version: plan.version,
          approve: false,
          note: '请细化到每月主题',
        })
      ).statusCode,
    ).toBe(200);
    const own = (await call('member', 'GET', '/api/v1/study/plans')).json().items;
    expect(own.map((p: { title: string }) => p.title)).toEqual(['个人自学计划']);
    expect((await call('outsider', 'GET', '/api/v1/study/plans')).json().items).toEqual([]);
    const returned = (await call('officer', 'GET', '/api/v1/study/plans?status=returned')).json().items;
    expect(returned[0]).toMatchObject({ statusLabel: '已退回', reviewNote: '请细化到每月主题' });
  });

  it('fails with 400 naming 日期 when a session is dated after today, and counts no hours for it', async () => {
    const { call, fx } = h();
    const before = (await call('office', 'GET', `/api/v1/study/sessions?campaignId=${campaignId}`)).json().total;
    const future = await call(
      'officer',
      'POST',
      '/api/v1/study/sessions',
      session(fx, [{ personId: fx.people.officerA, status: 'present' }], { date: addDays(today(), 1) }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ path: 'date', message: expect.stringContaining('“日期”不能晚于今天') }]);
    expect((await call('office', 'GET', `/api/v1/study/sessions?campaignId=${campaignId}`)).json().total).toBe(before);
  });

  it('names every absentee without a reason in one message', async () => {
    const { call, fx } = h();
    const res = await call(
      'officer',
      'POST',
      '/api/v1/study/sessions',
      session(fx, [
        { personId: fx.people.officerA, status: 'present' },
        { personId: fx.people.memberA, status: 'absent' },
        { personId: fx.people.memberA2, status: 'absent' },
      ]),
    );
    expect(res.statusCode).toBe(400);
    const rows = await h().db.selectFrom('people').select(['id', 'name']).execute();
    const name = (id: number) => rows.find((r) => r.id === id)!.name;
    expect(res.json().errors[0]).toEqual({
      path: 'attendance.1.reason',
      message: `缺席须填写原因：${name(fx.people.memberA)}、${name(fx.people.memberA2)}`,
    });
  });

  it('gives a leader the hours per member and 三会一课 of the units they see, the scope of their session list', async () => {
    const { call, db, fx } = h();
    const leader = (await call('leader', 'GET', `/api/v1/study/figures?campaignId=${campaignId}`)).json();
    const office = (await call('office', 'GET', `/api/v1/study/figures?campaignId=${campaignId}`)).json();
    const actor = (await loadActor(db, fx.users.leader))!;
    const members = (
      await db.selectFrom('people').select('orgPath').where('active', '=', 1).where('isPartyMember', '=', 1).execute()
    ).filter((p) => scopeContains(actor.scope, p.orgPath));
    expect(leader.hoursPerMember.members).toBe(members.length);
    expect(leader.hoursPerMember.members).toBeLessThan(office.hoursPerMember.members);
    const required = (f: { threeMeetingsOneLesson: Array<{ required: number }> }) =>
      f.threeMeetingsOneLesson.reduce((t, r) => t + r.required, 0);
    expect(required(leader)).toBeLessThan(required(office));
  });
});
