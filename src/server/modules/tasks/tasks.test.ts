import { afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { multipart, PDF_BYTES } from '../../testing/multipart.ts';
import { addDays, today } from '../../clock.ts';
import { mondayOf, weekOf } from '../../../shared/iso-week.ts';
import { readSheet } from '../../io/xlsx-sheet.ts';

const realToday = today();
const day = (n: number) => addDays(realToday, n);
/** Moves the clock (Asia/Shanghai "today") the way the demo and the browser test do. */
const setToday = (date: string) => {
  process.env.TAIZHANG_TODAY = date;
};

async function upload(h: Harness, who: string): Promise<number> {
  const body = multipart({ name: '佐证.pdf', content: PDF_BYTES, type: 'application/pdf' });
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    payload: body.payload,
    headers: { ...body.headers, cookie: await h.cookie(who) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describeEachDb('#tasks (推动发展)', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });
  afterEach(() => {
    delete process.env.TAIZHANG_TODAY;
  });

  const threeMilestones = (fx: Harness['fx']) => ({
    campaignId,
    orgId: fx.units.root.id,
    leaderId: fx.people.leader,
    title: '城市精细化管理提升行动',
    startDate: day(-10),
    endDate: day(60),
    responsibleOrgIds: [fx.units.branchA.id],
    cooperatingOrgIds: [fx.units.branchB.id],
    metric: { name: '背街小巷整治', unit: '条', target: 120, current: 30 },
    milestones: [
      { title: '制定方案', plannedDate: day(5), weight: 1, criteria: '方案印发' },
      { title: '集中整治', plannedDate: day(20), weight: 2 },
      { title: '验收总结', plannedDate: day(60), weight: 1 },
    ],
  });

  it('the office plans a task; the unit marks a node done; a day past the next node it turns 滞后, then catches up and shows 曾滞后', async () => {
    const { call, fx } = h();
    const created = await call('office', 'POST', '/api/v1/tasks', threeMilestones(fx));
    expect(created.statusCode, created.body).toBe(201);
    let task = created.json();
    expect(task).toMatchObject({
      status: 'on_track',
      statusLabel: '按序时推进',
      progress: 0,
      plannedProgress: 0,
      light: 'green',
    });
    expect(task.responsibleUnits).toEqual([{ id: fx.units.branchA.id, name: '办公室党支部' }]);
    expect(task.metric).toEqual({ name: '背街小巷整治', unit: '条', target: 120, current: 30 });
    expect(task.abilities).toMatchObject({ update: true, planMilestones: true, split: false });

    // The responsible unit's officer sees it and marks the first node done with evidence.
    const asOfficer = (await call('officer', 'GET', `/api/v1/tasks/${task.id}`)).json();
    expect(asOfficer.abilities).toMatchObject({ completeMilestone: true, report: true, update: false });
    const [first, second] = asOfficer.milestones;
    const noEvidence = await call('officer', 'PATCH', `/api/v1/tasks/${task.id}/milestones/${first.id}`, {
      version: first.version,
      done: true,
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().errors[0].path).toBe('attachmentIds');
    const evidence = await upload(h(), 'officer');
    const marked = await call('officer', 'PATCH', `/api/v1/tasks/${task.id}/milestones/${first.id}`, {
      version: first.version,
      done: true,
      attachmentIds: [evidence],
    });
    expect(marked.statusCode, marked.body).toBe(200);
    task = marked.json();
    expect(task.progress).toBe(0.25);
    expect(task.milestones[0]).toMatchObject({ evidence: [{ id: evidence }] });
    // Marking the node done was this week's 周调度 update: nobody types it again.
    expect(task.updates).toMatchObject([{ week: weekOf(realToday), note: expect.stringContaining('制定方案') }]);

    // A day past the second node's date: 0.75 planned against 0.25 done and a missed date.
    setToday(day(21));
    task = (await call('office', 'GET', `/api/v1/tasks/${task.id}`)).json();
    expect(task).toMatchObject({ status: 'behind', light: 'red', plannedProgress: 0.75, wasBehind: false });
    const behind = await call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&status=behind`);
    expect(behind.json().items.map((t: { id: number }) => t.id)).toContain(task.id);
    const figures = (await call('office', 'GET', `/api/v1/tasks/figures?campaignId=${campaignId}`)).json();
    expect(figures.behind).toBe(behind.json().total);

    // The unit catches up: the second node done, status back to 按序时推进 — and 曾滞后 is kept.
    const caughtUp = await call('officer', 'PATCH', `/api/v1/tasks/${task.id}/milestones/${second.id}`, {
      version: second.version,
      done: true,
      attachmentIds: [await upload(h(), 'officer')],
    });
    expect(caughtUp.statusCode, caughtUp.body).toBe(200);
    expect(caughtUp.json()).toMatchObject({
      status: 'on_track',
      progress: 0.75,
      wasBehind: true,
      wasBehindSince: day(20),
    });
    const seen = (await call('office', 'GET', `/api/v1/tasks/${task.id}`)).json();
    expect(seen.timeline.map((e: { action: string }) => e.action)).toContain('complete_milestone');
  });

  it('the weekly update sets reported progress; a week in the future, bad dates or weights are 400 naming the field, nothing written', async () => {
    const { call, fx, db } = h();
    const task = (
      await call('office', 'POST', '/api/v1/tasks', { ...threeMilestones(fx), title: '周调度测试' })
    ).json();
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('tasks')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad: Array<[unknown, string]> = [
      [
        { ...threeMilestones(fx), milestones: [{ title: 'x', plannedDate: day(90), weight: 1 }] },
        'milestones.0.plannedDate',
      ],
      [{ ...threeMilestones(fx), milestones: [{ title: 'x', plannedDate: day(5), weight: 0 }] }, 'milestones.0.weight'],
      [{ ...threeMilestones(fx), endDate: day(-20) }, 'endDate'],
    ];
    for (const [body, path] of bad) {
      const res = await call('office', 'POST', '/api/v1/tasks', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(res.json().detail).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await count()).toBe(before);

    const future = await call('officer', 'POST', `/api/v1/tasks/${task.id}/updates`, {
      week: weekOf(day(14)),
      progress: 0.3,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: 'week' });
    const tooMuch = await call('officer', 'POST', `/api/v1/tasks/${task.id}/updates`, {
      week: weekOf(realToday),
      progress: 1.5,
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0].message).toContain('进度');
    const ok = await call('officer', 'POST', `/api/v1/tasks/${task.id}/updates`, {
      week: weekOf(realToday),
      progress: 0.4,
      note: '完成方案起草',
      metricCurrent: 45,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ progress: 0.4, metric: { current: 45 }, updates: [{ progress: 0.4 }] });
    // Giving the same week again replaces it.
    const again = await call('officer', 'POST', `/api/v1/tasks/${task.id}/updates`, {
      week: weekOf(realToday),
      progress: 0.5,
    });
    expect(again.json().updates).toHaveLength(1);
    const stale = await call('office', 'GET', `/api/v1/tasks/${task.id}`);
    expect(stale.json().stale).toBe(false);
    // 未更新 after seven working days: two calendar weeks hold them outside the longest holidays.
    setToday(day(14));
    expect((await call('office', 'GET', `/api/v1/tasks/${task.id}`)).json()).toMatchObject({ stale: true });
    const staleList = (await call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&stale=true`)).json();
    expect(staleList.items.map((t: { id: number }) => t.id)).toContain(task.id);
    expect((await call('office', 'GET', `/api/v1/tasks/figures?campaignId=${campaignId}`)).json().stale).toBe(
      staleList.total,
    );
  });

  it('未更新 counts the working days of the calendar: 国庆 2026 does not make a task stale, an added holiday delays it', async () => {
    const { call, fx } = h();
    setToday('2026-09-29');
    const created = await call('office', 'POST', '/api/v1/tasks', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '节前部署的重点任务',
      startDate: '2026-09-01',
      endDate: '2026-12-31',
      milestones: [{ title: '年底完成', plannedDate: '2026-12-31', weight: 1 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const stale = async (date: string) => {
      setToday(date);
      const one = (await call('office', 'GET', `/api/v1/tasks/${id}`)).json().stale as boolean;
      const list = (
        await call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&stale=true&pageSize=200`)
      ).json();
      expect(
        list.items.some((t: { id: number }) => t.id === id),
        date,
      ).toBe(one);
      const figures = (await call('office', 'GET', `/api/v1/tasks/figures?campaignId=${campaignId}`)).json();
      expect(figures.stale, date).toBe(list.total);
      return one;
    };
    // Seven calendar days on (6 October) the office is on holiday: 30 September is the only working day passed.
    expect(await stale('2026-10-06')).toBe(false);
    expect(await stale('2026-10-13')).toBe(false);
    expect(await stale('2026-10-14')).toBe(true);
    // The admin declares 13 October a holiday (calendar page): the seventh working day moves to the 15th.
    const holiday = await call('admin', 'POST', '/api/v1/calendar/overrides', { date: '2026-10-13', kind: 'holiday' });
    expect(holiday.statusCode, holiday.body).toBe(201);
    expect(await stale('2026-10-14')).toBe(false);
    expect(await stale('2026-10-15')).toBe(true);
    await call('admin', 'DELETE', `/api/v1/calendar/overrides/${holiday.json().id}`);
  });

  it('a task split into sub-tasks for lower units rolls their progress up by weight', async () => {
    const { call, fx } = h();
    const parent = (
      await call('office', 'POST', '/api/v1/tasks', {
        campaignId,
        orgId: fx.units.committee.id,
        title: '优化营商环境',
        startDate: day(-5),
        endDate: day(40),
      })
    ).json();
    const child = async (orgId: number, weight: number, title: string) =>
      call('secretary', 'POST', '/api/v1/tasks', {
        campaignId,
        parentId: parent.id,
        orgId,
        title,
        weight,
        startDate: day(-5),
        endDate: day(40),
        milestones: [
          { title: '一', plannedDate: day(10), weight: 1 },
          { title: '二', plannedDate: day(30), weight: 1 },
        ],
      });
    const a = await child(fx.units.branchA.id, 1, '子任务A');
    expect(a.statusCode, a.body).toBe(201);
    const b = (await child(fx.units.branchB.id, 3, '子任务B')).json();
    const ms = b.milestones[0];
    await call('secretary', 'PATCH', `/api/v1/tasks/${b.id}/milestones/${ms.id}`, {
      version: ms.version,
      done: true,
      attachmentIds: [await upload(h(), 'secretary')],
    });
    const rolled = (await call('office', 'GET', `/api/v1/tasks/${parent.id}`)).json();
    // A: 0 of 2 done, weight 1; B: 1 of 2 done, weight 3 → (1×0 + 3×0.5) / 4.
    expect(rolled.progress).toBe(0.375);
    expect(rolled.children.map((c: { title: string }) => c.title)).toEqual(['子任务A', '子任务B']);
    expect(rolled.abilities).toMatchObject({ report: false, planMilestones: false });
    const refused = await call('office', 'POST', `/api/v1/tasks/${parent.id}/milestones`, {
      title: '节点',
      plannedDate: day(10),
      weight: 1,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('task_split');
    const top = (await call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&topLevel=true`)).json();
    expect(top.items.every((t: { parentId: number | null }) => t.parentId === null)).toBe(true);
  });

  it('figures equal the totals of the lists they open, as days pass', async () => {
    const { call } = h();
    for (const offset of [0, 15, 30, 61, -30]) {
      setToday(day(offset));
      const figures = (await call('office', 'GET', `/api/v1/tasks/figures?campaignId=${campaignId}`)).json();
      const totals: Record<string, number> = {};
      for (const status of ['done', 'on_track', 'behind', 'not_started'])
        totals[status] = (
          await call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&status=${status}&pageSize=1`)
        ).json().total;
      const all = (await call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&pageSize=200`)).json();
      const counted = (s: string) => all.items.filter((t: { status: string }) => t.status === s).length;
      expect(figures).toMatchObject({
        total: all.total,
        done: totals.done,
        onTrack: totals.on_track,
        behind: totals.behind,
        notStarted: totals.not_started,
      });
      for (const s of ['done', 'on_track', 'behind', 'not_started']) expect(counted(s)).toBe(totals[s]);
      // The 工作看板 shows the same key-task figures for the subtree.
      const dashboard = (await call('office', 'GET', `/api/v1/dashboard?campaignId=${campaignId}`)).json();
      expect(dashboard.tasks).toEqual(figures);
      // …and each child unit's row, counted in the same statement, its own list's figures.
      for (const child of dashboard.children as Array<{ orgId: number; tasks: unknown }>) {
        const url = `/api/v1/tasks/figures?campaignId=${campaignId}&orgId=${child.orgId}`;
        expect(child.tasks).toEqual((await call('office', 'GET', url)).json());
      }
      expect(dashboard.children.some((c: { tasks: { total: number } }) => c.tasks.total > 0)).toBe(true);
      const red = (await call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&light=red`)).json();
      expect(red.total).toBe(figures.red);
      expect(red.items.every((t: { light: string }) => t.light === 'red')).toBe(true);
    }
  });

  it('a problem met while pushing a task goes onto the 检视整改 loop, linked back', async () => {
    const { call, fx } = h();
    const task = (
      await call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&q=${encodeURIComponent('精细化')}`)
    ).json().items[0];
    const res = await call('officer', 'POST', `/api/v1/tasks/${task.id}/problems`, {
      title: '整治资金未及时拨付',
      orgId: fx.units.branchA.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const problem = (await call('officer', 'GET', `/api/v1/problems/${res.json().id}`)).json();
    expect(problem).toMatchObject({
      source: 'development',
      sourceLabel: '推动发展遇到',
      sourceRef: { type: 'key_task', id: task.id },
    });
  });

  it('周调度: last week’s status is the one in force at the end of last week, not today’s milestones read backwards', async () => {
    const { call, fx } = h();
    const monday = mondayOf(weekOf(realToday)) ?? realToday;
    const at = (n: number) => addDays(monday, n);
    // Planned two weeks ago; its first node fell due last Monday and stayed open all last week.
    setToday(at(-14));
    const created = await call('office', 'POST', '/api/v1/tasks', {
      campaignId,
      orgId: fx.units.root.id,
      title: '周调度对比测试',
      startDate: at(-20),
      endDate: at(60),
      responsibleOrgIds: [fx.units.branchA.id],
      milestones: [
        { title: '摸底', plannedDate: at(-8), weight: 1 },
        { title: '攻坚', plannedDate: at(30), weight: 2 },
        { title: '验收', plannedDate: at(60), weight: 1 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    // This Wednesday the unit catches up: this week 按序时推进, last week still 滞后.
    setToday(at(2));
    const [first] = (await call('officer', 'GET', `/api/v1/tasks/${id}`)).json().milestones;
    expect((await call('office', 'GET', `/api/v1/tasks/${id}`)).json().status).toBe('behind');
    const done = await call('officer', 'PATCH', `/api/v1/tasks/${id}/milestones/${first.id}`, {
      version: first.version,
      done: true,
      attachmentIds: [await upload(h(), 'officer')],
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'on_track', statusLastWeek: 'behind', updatedThisWeek: true });
    const list = (await call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&pageSize=200`)).json();
    expect(list.items.find((t: { id: number }) => t.id === id)).toMatchObject({
      status: 'on_track',
      statusLastWeek: 'behind',
    });
    // Next week, the catch-up is last week's status; a task planned only this week has no last week.
    setToday(at(9));
    expect((await call('office', 'GET', `/api/v1/tasks/${id}`)).json().statusLastWeek).toBe('on_track');
    const fresh = await call('office', 'POST', '/api/v1/tasks', { ...threeMilestones(fx), title: '本周新立项' });
    expect(fresh.json().statusLastWeek).toBeNull();
  });

  it('exports the 重点任务台账: one row per node, the list’s own tasks, status as derived today', async () => {
    const { call, app, cookie } = h();
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/exports/tasks.xlsx?campaignId=${campaignId}&topLevel=true`,
      headers: { cookie: await cookie('office') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { rows, missing } = await readSheet(res.rawPayload, ['序号', '重点任务', '时序进度节点', '状态']);
    expect(missing).toEqual([]);
    const list = (
      await call('office', 'GET', `/api/v1/tasks?campaignId=${campaignId}&topLevel=true&pageSize=200`)
    ).json();
    expect(new Set(rows.map((r) => r.cells.重点任务.text))).toEqual(
      new Set(list.items.map((t: { title: string }) => t.title)),
    );
    const planned = rows.find((r) => r.cells.时序进度节点.text === '集中整治');
    expect(planned?.cells.状态.text).toMatch(/按序时推进|滞后|已完成|未启动/);
    const outsider = await app.inject({
      method: 'GET',
      url: `/api/v1/exports/tasks.xlsx?campaignId=${campaignId}`,
      headers: { cookie: await cookie('outsider') },
    });
    const seen = await readSheet(outsider.rawPayload, ['序号', '重点任务']);
    expect(seen.rows.filter((r) => r.cells.重点任务.text)).toEqual([]);
  });
});
