import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { EVERYONE } from '../../testing/permission-matrix.ts';
import { multipart, PDF_BYTES } from '../../testing/multipart.ts';
import { addDays, today } from '../../clock.ts';
import { weekOf } from '../../../shared/iso-week.ts';

type Json = Record<string, unknown>;
const accounts = EVERYONE.filter((w): w is Exclude<typeof w, null> => w !== null);

async function todos(h: Harness, who: string, query = '') {
  const res = await h.call(who, 'GET', `/api/v1/todos${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Json[]; total: number; counts: Array<{ kind: string; count: number }> };
}
const countOf = (t: { counts: Array<{ kind: string; count: number }> }, kind: string) =>
  t.counts.find((c) => c.kind === kind)?.count ?? 0;

async function messages(h: Harness, who: string, unread = false) {
  const res = await h.call(who, 'GET', `/api/v1/notifications${unread ? '?unread=true' : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Json[]; total: number; unread: number };
}

/** Every kind's count equals the total its own list reports, and the merged list holds all of them. */
async function expectCountsMatchLists(h: Harness, who: string) {
  const all = await todos(h, who, '?pageSize=200');
  expect(all.total).toBe(all.counts.reduce((n, c) => n + c.count, 0));
  expect(all.items.length).toBe(Math.min(200, all.total));
  for (const c of all.counts) {
    const one = await todos(h, who, `?kind=${c.kind}&pageSize=200`);
    expect(one.total, `${who} ${c.kind}`).toBe(c.count);
    expect(one.items.length).toBe(c.count);
    expect(one.items.every((i) => i.kind === c.kind)).toBe(true);
  }
}

describeEachDb('#todos and #notifications', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  const record = async (title: string, deadline: unknown = { workingDays: 3 }) => {
    const { call, fx } = h();
    const res = await call('officer', 'POST', '/api/v1/problems', {
      campaignId,
      orgId: fx.units.branchA.id,
      title,
      description: '个别党员学习停留在读原文层面',
      source: 'self_found',
      category: '理论学习',
      rootCauses: ['ideological'],
      kind: 'immediate',
      measures: [{ content: `${title}：每周集中研讨`, ownerId: fx.people.memberA, deadline }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const act = async (who: string, id: number, body: Json) => {
    const res = await h().call(who, 'POST', `/api/v1/problems/${id}/transitions`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** The 责任人 finishes the measure with evidence and the officer applies for 销号. */
  const finishAndSubmit = async (p: Json & { id: number }) => {
    const { call, app } = h();
    let cur = (await call('officer', 'GET', `/api/v1/problems/${p.id}`)).json();
    const m = cur.measures[0];
    const body = multipart({ name: '佐证.pdf', content: PDF_BYTES, type: 'application/pdf' });
    const file = await app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      payload: body.payload,
      headers: { ...body.headers, cookie: await h().cookie('member') },
    });
    await call('member', 'POST', `/api/v1/problems/${p.id}/measures/${m.id}/progress`, {
      date: today(),
      note: '已完成',
      attachmentIds: [file.json().id],
    });
    await call('member', 'PATCH', `/api/v1/problems/${p.id}/measures/${m.id}`, { status: 'done', version: m.version });
    cur = (await call('officer', 'GET', `/api/v1/problems/${p.id}`)).json();
    return act('officer', p.id, { action: 'submit', version: cur.version, effect: '研讨已常态化' });
  };

  it('a recorded problem waits for the reviewers to confirm; its 责任人 is told and sees the measure due soon', async () => {
    const p = await record('学用脱节');
    for (const who of ['secretary', 'office', 'admin']) {
      const t = await todos(h(), who, '?kind=problem_confirm');
      expect(t.items.map((i) => i.id)).toContain(p.id);
      expect(t.items.find((i) => i.id === p.id)).toMatchObject({
        title: '学用脱节',
        link: `/problems?open=${p.id}&action=confirm`,
      });
    }
    for (const who of ['officer', 'member', 'outsider', 'leader', 'supervisor'])
      expect(countOf(await todos(h(), who), 'problem_confirm')).toBe(0);

    const inbox = await messages(h(), 'member', true);
    expect(inbox.items[0]).toMatchObject({ event: 'assigned', eventLabel: '成为责任人', read: false });
    expect(inbox.items[0].title).toContain('学用脱节');
    expect((await messages(h(), 'officer')).total).toBe(0); // nobody hears about what they did themselves

    const due = await todos(h(), 'member', '?kind=measure_due');
    expect(due.items.find((i) => (i.title as string).startsWith('学用脱节'))).toMatchObject({
      overdue: false,
      link: `/problems?open=${p.id}&action=progress`,
    });

    await act('secretary', p.id, { action: 'confirm', version: p.version });
    expect((await todos(h(), 'secretary', '?kind=problem_confirm')).items.map((i) => i.id)).not.toContain(p.id);
  });

  it('a 销号 application waits for the 第一责任人; 退回 tells the applicant the reason, approval tells them it is closed', async () => {
    const p = await record('台账不全');
    const confirmed = await act('secretary', p.id, { action: 'confirm', version: p.version });
    let cur = await finishAndSubmit(confirmed);
    expect((await todos(h(), 'secretary', '?kind=problem_close')).items.map((i) => i.id)).toContain(p.id);
    expect(countOf(await todos(h(), 'officer'), 'problem_close')).toBe(0);

    cur = await act('secretary', p.id, { action: 'reject', version: cur.version, reason: '佐证不能体现成效' });
    const returned = (await messages(h(), 'officer', true)).items.find((m) => m.event === 'returned');
    expect(returned).toMatchObject({ title: '销号申请被退回：台账不全', body: '退回理由：佐证不能体现成效' });
    expect((await todos(h(), 'secretary', '?kind=problem_close')).items.map((i) => i.id)).not.toContain(p.id);

    cur = await act('officer', p.id, { action: 'submit', version: cur.version, effect: '补充了佐证' });
    await act('secretary', p.id, { action: 'approve', version: cur.version });
    for (const who of ['officer', 'member']) {
      const m = (await messages(h(), who, true)).items.find((x) => x.event === 'approved');
      expect(m, who).toMatchObject({ title: '已销号：台账不全', link: `/problems?open=${p.id}` });
    }
    expect((await messages(h(), 'secretary')).items.some((m) => m.event === 'approved')).toBe(false);
  });

  it('an extension request waits for the reviewer and its decision reaches the 责任人', async () => {
    const p = await record('制度缺位', addDays(today(), 20));
    const confirmed = await act('secretary', p.id, { action: 'confirm', version: p.version });
    const measureId = confirmed.measures[0].id;
    const req = await h().call('member', 'POST', `/api/v1/problems/${p.id}/measures/${measureId}/extensions`, {
      requestedDeadline: addDays(today(), 40),
      reason: '需等上级文件',
    });
    expect(req.statusCode, req.body).toBe(201);
    const waiting = await todos(h(), 'secretary', '?kind=problem_extension');
    expect(waiting.items.find((i) => i.id === req.json().id)).toMatchObject({
      link: `/problems?open=${p.id}&action=extension`,
      date: addDays(today(), 40),
    });
    const decided = await h().call(
      'secretary',
      'POST',
      `/api/v1/problems/${p.id}/extensions/${req.json().id}/decision`,
      {
        approve: true,
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const m = (await messages(h(), 'member', true)).items.find((x) => x.event === 'extension_decided');
    expect(m?.body).toContain(addDays(today(), 40));
    expect((await todos(h(), 'secretary', '?kind=problem_extension')).items.map((i) => i.id)).not.toContain(
      req.json().id,
    );
  });

  it('an overdue measure is flagged overdue on its owner’s list', async () => {
    const { db, fx } = h();
    const p = await record('作风漂浮');
    await db
      .updateTable('problemMeasures')
      .set({ deadline: addDays(today(), -5) })
      .where('problemId', '=', p.id)
      .execute();
    const due = await todos(h(), 'member', '?kind=measure_due');
    expect(due.items.find((i) => (i.title as string).startsWith('作风漂浮'))).toMatchObject({ overdue: true });
    expect(countOf(await todos(h(), 'officer'), 'measure_due')).toBe(0);
    void fx;
  });

  it('a planned check (不打招呼) waits for its group’s supervisor and the office until it is recorded, never for the unit', async () => {
    const { call, fx } = h();
    const plan = await call('office', 'POST', '/api/v1/checks', {
      campaignId,
      orgId: fx.units.branchC.id,
      groupId: fx.group,
      date: addDays(today(), -1),
      method: 'visit',
      inspectorIds: [fx.people.inspector, fx.people.officeHead],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const id = plan.json().id as number;
    for (const who of ['supervisor', 'office', 'admin']) {
      const t = await todos(h(), who, '?kind=check_record');
      expect(
        t.items.find((i) => i.id === id),
        who,
      ).toMatchObject({
        link: `/checks?open=${id}`,
        overdue: true,
        orgName: expect.any(String),
      });
    }
    // The checked unit's own people never learn of it in advance.
    for (const who of ['outsider', 'officer', 'member', 'secretary', 'leader'])
      expect(countOf(await todos(h(), who), 'check_record'), who).toBe(0);
    const seen = (await call('supervisor', 'GET', `/api/v1/checks/${id}`)).json();
    const recorded = await call('supervisor', 'POST', `/api/v1/checks/${id}/record`, {
      version: seen.version,
      summary: '走访',
      findings: [],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    for (const who of ['supervisor', 'office'])
      expect((await todos(h(), who, '?kind=check_record')).items.map((i) => i.id)).not.toContain(id);
  });

  it('a nomination waits for the reviewers of the level it stands at, and moves up with each approval (层层推荐)', async () => {
    const { call, fx } = h();
    const res = await call('officer', 'POST', '/api/v1/exemplars', {
      campaignId,
      orgId: fx.units.branchA.id,
      personId: fx.people.memberA,
      deeds: '带头办理群众诉求。',
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    const waiting = async (who: string) =>
      (await todos(h(), who, '?kind=exemplar_nomination')).items.find((i) => i.id === e.id);
    expect(await waiting('secretary')).toMatchObject({ link: `/exemplars?open=${e.id}` });
    for (const who of ['officer', 'member', 'outsider', 'leader', 'supervisor'])
      expect(await waiting(who), who).toBeUndefined();
    const up = await call('secretary', 'POST', `/api/v1/exemplars/${e.id}/transitions`, {
      action: 'approve',
      version: e.version,
    });
    expect(up.statusCode, up.body).toBe(200);
    // Now at the top unit: still the office's and admin's, and a 第一责任人 over the whole tree's.
    expect(await waiting('office')).toBeDefined();
    const done = await call('office', 'POST', `/api/v1/exemplars/${e.id}/transitions`, {
      action: 'reject',
      version: up.json().version,
    });
    expect(done.statusCode, done.body).toBe(200);
    for (const who of ['secretary', 'office', 'admin']) expect(await waiting(who), who).toBeUndefined();
  });

  describe('counts', () => {
    it('every account’s count per kind equals the list it opens, and the total the sum', async () => {
      for (const who of accounts) await expectCountsMatchLists(h(), who);
    });

    it('the merged list pages across kinds without losing or repeating a row', async () => {
      const all = await todos(h(), 'secretary', '?pageSize=200');
      const paged: Json[] = [];
      for (let page = 1; page <= Math.ceil(all.total / 2); page++)
        paged.push(...(await todos(h(), 'secretary', `?page=${page}&pageSize=2`)).items);
      expect(paged.map((i) => `${i.kind}:${i.id}`)).toEqual(all.items.map((i) => `${i.kind}:${i.id}`));
    });
  });

  it('messages: only one’s own can be read; mark one, then all, read', async () => {
    const inbox = await messages(h(), 'member', true);
    expect(inbox.unread).toBeGreaterThan(1);
    const first = inbox.items[0].id as number;
    expect((await h().call('officer', 'POST', `/api/v1/notifications/${first}/read`)).statusCode).toBe(404);
    expect((await h().call('member', 'POST', `/api/v1/notifications/${first}/read`)).statusCode).toBe(200);
    expect((await messages(h(), 'member', true)).unread).toBe(inbox.unread - 1);
    expect((await h().call('member', 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({
      unread: inbox.unread - 1,
    });
    const all = await h().call('member', 'POST', '/api/v1/notifications/read-all', {});
    expect(all.json()).toEqual({ marked: inbox.unread - 1 });
    expect((await messages(h(), 'member', true)).total).toBe(0);
    expect((await messages(h(), 'member')).total).toBe(inbox.total);
    expect((await h().call('member', 'GET', '/api/v1/notifications?pageSize=500')).statusCode).toBe(400);
    expect((await h().call('member', 'GET', '/api/v1/todos?kind=nope')).statusCode).toBe(400);
  });
});

describeEachDb('#todos from key tasks', (h) => {
  it('a running task waits for its week’s 周调度 from its 牵头领导 and the responsible unit’s officer, until it is given', async () => {
    const { call, fx, db } = h();
    const campaignId = await fixtureCampaign(db, fx.units.root.id);
    const created = await call('office', 'POST', '/api/v1/tasks', {
      campaignId,
      orgId: fx.units.root.id,
      leaderId: fx.people.leader,
      title: '背街小巷整治',
      startDate: addDays(today(), -10),
      endDate: addDays(today(), 60),
      responsibleOrgIds: [fx.units.branchA.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    for (const who of ['leader', 'officer'])
      expect(
        (await todos(h(), who, '?kind=task_weekly_update')).items.map((i) => i.id),
        who,
      ).toContain(id);
    for (const who of ['member', 'outsider', 'secretary'])
      expect(
        (await todos(h(), who, '?kind=task_weekly_update')).items.map((i) => i.id),
        who,
      ).not.toContain(id);
    const update = await call('officer', 'POST', `/api/v1/tasks/${id}/updates`, {
      week: weekOf(today()),
      progress: 0.1,
      note: '已整治 12 条',
    });
    expect(update.statusCode, update.body).toBeLessThan(300);
    expect((await todos(h(), 'leader', '?kind=task_weekly_update')).items.map((i) => i.id)).not.toContain(id);
  });
});
