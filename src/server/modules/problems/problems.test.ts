import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { multipart, PDF_BYTES } from '../../testing/multipart.ts';
import { addWorkingDays } from '../../lib/working-days.ts';
import { addDays, today } from '../../clock.ts';
import type { ProblemDetailViewT, ProblemViewT } from '../../../shared/views/problems.ts';

async function upload(h: Harness, username: string, name = '整改佐证.pdf', content = PDF_BYTES) {
  const body = multipart({ name, content, type: 'application/pdf' });
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    payload: body.payload,
    headers: { ...body.headers, cookie: await h.cookie(username) },
  });
}

describeEachDb('#problems', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  const record = async (extra: Record<string, unknown> = {}) => {
    const { call, fx } = h();
    const res = await call('officer', 'POST', '/api/v1/problems', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '理论学习不深不透，学用脱节',
      description: '个别党员学习停留在读原文层面，结合城管执法实际不够',
      source: 'self_found',
      category: '理论学习',
      rootCauses: ['ideological'],
      kind: 'immediate',
      measures: [
        {
          content: '制定支部学习计划，每周开展一次集中研讨',
          ownerId: fx.people.memberA,
          leaderId: fx.people.leader,
          deadline: { workingDays: 3 },
        },
      ],
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  /** A transition answers the record as written, without reading it back: the same fields as the detail's. */
  const expectAsStored = async (reply: Record<string, unknown>, user: string) => {
    const stored = (await h().call(user, 'GET', `/api/v1/problems/${reply.id}`)).json();
    expect(reply).toEqual(Object.fromEntries(Object.keys(reply).map((k) => [k, stored[k]])));
  };

  describe('the whole loop: record → confirm → done with evidence → submit → return → resubmit → 销号', () => {
    // One problem walks the loop; each step is its own test, so a failure names the step that broke.
    let p: ProblemViewT;
    let cur: ProblemViewT;
    const move = async (user: string, action: string, extra: Record<string, unknown> = {}) =>
      h().call(user, 'POST', `/api/v1/problems/${p.id}/transitions`, { action, version: cur.version, ...extra });
    const moved = async (user: string, action: string, extra: Record<string, unknown> = {}) => {
      const res = await move(user, action, extra);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    it('records a draft that is yellow and due in three working days', async () => {
      p = await record();
      cur = p;
      expect(p).toMatchObject({
        status: 'draft',
        overdue: false,
        dueDate: addWorkingDays(today(), 3),
        colour: 'yellow',
      });
    });

    it('confirm is the secretary’s: the officer gets 403, the secretary puts it in progress', async () => {
      expect((await move('officer', 'confirm')).statusCode).toBe(403);
      cur = await moved('secretary', 'confirm');
      expect(cur.status).toBe('in_progress');
    });

    it('submit while a measure is open is 409 naming the unfinished measures', async () => {
      const early = await move('officer', 'submit', { effect: '已整改' });
      expect(early.statusCode).toBe(409);
      expect(early.json().detail).toContain('未完成');
    });

    it('the measure’s owner reports progress with evidence and marks it done; the evidence is listed', async () => {
      const { call } = h();
      const measure = cur.measures[0];
      const file = await upload(h(), 'member');
      expect(file.statusCode, file.body).toBe(201);
      const progress = await call('member', 'POST', `/api/v1/problems/${p.id}/measures/${measure.id}/progress`, {
        date: today(),
        note: '已开展两次集中研讨',
        attachmentIds: [file.json().id],
      });
      expect(progress.statusCode, progress.body).toBe(201);
      const done = await call('member', 'PATCH', `/api/v1/problems/${p.id}/measures/${measure.id}`, {
        status: 'done',
        version: measure.version,
      });
      expect(done.statusCode, done.body).toBe(200);
      const read = await call('officer', 'GET', `/api/v1/problems/${p.id}`);
      expect(read.statusCode).toBe(200);
      const detail = read.json<ProblemDetailViewT>();
      expect(detail.evidence.map((e) => e.name)).toEqual(['整改佐证.pdf']);
      cur = detail;
    });

    it('submit needs the effect (409 without); submitted answers the record as stored; a member cannot approve', async () => {
      expect((await move('officer', 'submit')).statusCode).toBe(409);
      cur = await moved('officer', 'submit', { effect: '学习计划已落实，研讨常态化' });
      expect(cur).toMatchObject({ status: 'submitted', colour: 'yellow' });
      await expectAsStored(cur, 'officer');
      expect((await move('member', 'approve')).statusCode).toBe(403);
    });

    it('return needs a reason (409 without) and puts it back in progress with the reason', async () => {
      expect((await move('secretary', 'reject')).statusCode).toBe(409);
      cur = await moved('secretary', 'reject', { reason: '佐证材料不能体现成效' });
      expect(cur).toMatchObject({ status: 'in_progress', returnReason: '佐证材料不能体现成效' });
      await expectAsStored(cur, 'secretary');
    });

    it('resubmitted and approved it is 销号: closed, green, not overdue', async () => {
      cur = await moved('officer', 'submit', { effect: '补充了研讨记录' });
      expect(cur.status).toBe('submitted');
      cur = await moved('secretary', 'approve');
      expect(cur).toMatchObject({ status: 'closed', colour: 'green', overdue: false, orgId: h().fx.units.branchA.id });
      await expectAsStored(cur, 'secretary');
    });

    it('returning a closed problem is a move the state forbids: 409, not 403', async () => {
      expect((await move('secretary', 'reject', { reason: 'x' })).statusCode).toBe(409);
    });

    it('every step is in the audit trail, in order', async () => {
      const actions = await h()
        .db.selectFrom('auditEvents')
        .select('action')
        .where('entityType', '=', 'problem')
        .where('entityId', '=', p.id)
        .orderBy('id')
        .execute();
      expect(actions.map((a) => a.action)).toEqual([
        'create',
        'confirm',
        'progress',
        'measure_done',
        'submit',
        'reject',
        'submit',
        'approve',
      ]);
    });
  });

  it('refuses 销号 without evidence, and keeps other branches out (404 read, 403 write)', async () => {
    const { call } = h();
    const p = await record();
    let cur = (
      await call('secretary', 'POST', `/api/v1/problems/${p.id}/transitions`, { action: 'confirm', version: p.version })
    ).json();
    await call('officer', 'PATCH', `/api/v1/problems/${p.id}/measures/${cur.measures[0].id}`, {
      status: 'done',
      version: cur.measures[0].version,
    });
    cur = (await call('officer', 'GET', `/api/v1/problems/${p.id}`)).json();
    const res = await call('officer', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'submit',
      version: cur.version,
      effect: '已整改',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'illegal_transition', detail: '申请销号须上传至少一份佐证材料' });
    expect((await call('outsider', 'GET', `/api/v1/problems/${p.id}`)).statusCode).toBe(404);
    expect(
      (
        await call('outsider', 'POST', `/api/v1/problems/${p.id}/transitions`, {
          action: 'submit',
          version: cur.version,
          effect: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const list = (await call('outsider', 'GET', `/api/v1/problems?campaignId=${campaignId}`)).json();
    expect(list.items.map((x: { id: number }) => x.id)).not.toContain(p.id);
  });

  it('moves a deadline only through an approved extension request', async () => {
    const { call } = h();
    const p = await record();
    const cur = (
      await call('secretary', 'POST', `/api/v1/problems/${p.id}/transitions`, { action: 'confirm', version: p.version })
    ).json();
    const m = cur.measures[0];
    const later = addDays(today(), 30);
    const direct = await call('officer', 'PATCH', `/api/v1/problems/${p.id}/measures/${m.id}`, {
      version: m.version,
      deadline: later,
    });
    expect(direct.statusCode).toBe(409);
    const ext = await call('officer', 'POST', `/api/v1/problems/${p.id}/measures/${m.id}/extensions`, {
      requestedDeadline: later,
      reason: '需协调财政资金',
    });
    expect(ext.statusCode).toBe(201);
    expect(
      (
        await call('officer', 'POST', `/api/v1/problems/${p.id}/extensions/${ext.json().id}/decision`, {
          approve: true,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call('secretary', 'POST', `/api/v1/problems/${p.id}/extensions/${ext.json().id}/decision`, {
          approve: true,
          reason: '同意',
        })
      ).statusCode,
    ).toBe(200);
    const after = (await call('officer', 'GET', `/api/v1/problems/${p.id}`)).json();
    expect(after.measures[0].deadline).toBe(later);
    expect(after.dueDate).toBe(later);
    expect(after.extensions[0]).toMatchObject({
      status: 'approved',
      currentDeadline: m.deadline,
      requestedDeadline: later,
    });
  });

  it('escalates “根子在上面” to the parent unit, which owns a linked problem the branch can follow', async () => {
    const { call, fx } = h();
    const p = await record();
    const res = await call('officer', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'escalate',
      version: p.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    await expectAsStored(res.json(), 'officer');
    const child = (await call('officer', 'GET', `/api/v1/problems/${p.id}`)).json();
    expect(child.escalatedTo).toEqual([expect.objectContaining({ orgName: '机关党委', status: 'draft' })]);
    const parentId = child.escalatedTo[0].id;
    expect((await call('officer', 'GET', `/api/v1/problems/${parentId}`)).statusCode).toBe(404);
    const parent = (await call('office', 'GET', `/api/v1/problems/${parentId}`)).json();
    expect(parent).toMatchObject({ orgId: fx.units.committee.id, escalatedFromId: p.id });
    expect(
      (await call('office', 'GET', `/api/v1/problems?escalated=true&orgId=${fx.units.committee.id}`))
        .json()
        .items.map((x: { id: number }) => x.id),
    ).toContain(parentId);
    const again = await call('officer', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'escalate',
      version: child.version,
    });
    expect(again.statusCode).toBe(409);
  });

  it('derives overdue and the colours from dates: the same problem turns red when today passes its deadline', async () => {
    const { call } = h();
    const p = await record({ measures: [{ content: '整改措施', deadline: addDays(today(), 20) }] });
    expect(p.colour).toBe('none');
    const saved = process.env.TAIZHANG_TODAY;
    try {
      process.env.TAIZHANG_TODAY = addDays(today(), 15);
      expect((await call('officer', 'GET', `/api/v1/problems/${p.id}`)).json()).toMatchObject({
        colour: 'yellow',
        overdue: false,
      });
      process.env.TAIZHANG_TODAY = addDays(p.dueDate, 1);
      expect((await call('officer', 'GET', `/api/v1/problems/${p.id}`)).json()).toMatchObject({
        colour: 'red',
        overdue: true,
      });
      const overdue = (
        await call('officer', 'GET', `/api/v1/problems?overdue=true&campaignId=${campaignId}&pageSize=200`)
      ).json();
      expect(overdue.items.map((x: { id: number }) => x.id)).toContain(p.id);
      expect(overdue.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
      const red = (
        await call('officer', 'GET', `/api/v1/problems?colour=red&campaignId=${campaignId}&pageSize=200`)
      ).json();
      expect(red.total).toBe(overdue.total);
    } finally {
      if (saved === undefined) delete process.env.TAIZHANG_TODAY;
      else process.env.TAIZHANG_TODAY = saved;
    }
  });

  it('judges yellow by the campaign’s warning days as soon as the office changes them', async () => {
    const { call } = h();
    const p = await record({ measures: [{ content: '整改措施', deadline: addDays(today(), 5) }] });
    const colour = async () => (await call('officer', 'GET', `/api/v1/problems/${p.id}`)).json().colour;
    expect(await colour()).toBe('yellow');
    const setDays = async (warningDays: number) => {
      const c = (await call('office', 'GET', `/api/v1/campaigns/${campaignId}`)).json();
      const res = await call('office', 'PATCH', `/api/v1/campaigns/${campaignId}`, { version: c.version, warningDays });
      expect(res.statusCode, res.body).toBe(200);
      return c.warningDays as number;
    };
    const before = await setDays(3);
    try {
      expect(await colour()).toBe('none');
    } finally {
      await setDays(before);
    }
    expect(await colour()).toBe('yellow');
  });

  it('checks uploads: type by extension and content, size limit 413, streamed back with the right type', async () => {
    const { app, cookie } = h();
    const fake = await upload(h(), 'officer', '伪装.pdf', Buffer.from('MZ this is an exe'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().detail).toContain('不符');
    const exe = await upload(h(), 'officer', 'virus.exe', Buffer.from('MZ'));
    expect(exe.statusCode).toBe(400);
    const big = await upload(h(), 'officer', '大文件.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(21 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    const ok = await upload(h(), 'officer');
    const back = await app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${ok.json().id}`,
      headers: { cookie: await cookie('officer') },
    });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.rawPayload.equals(PDF_BYTES)).toBe(true);
    const outsider = await app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${ok.json().id}`,
      headers: { cookie: await cookie('outsider') },
    });
    expect(outsider.statusCode).toBe(404);
  });

  it('gives per-unit figures whose every number equals the list it opens', async () => {
    const { call, fx } = h();
    const res = await call(
      'office',
      'GET',
      `/api/v1/problems/figures?campaignId=${campaignId}&orgId=${fx.units.committee.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total.figures.total).toBeGreaterThan(0);
    expect(body.total.figures.closed).toBeGreaterThan(0);
    let checked = 0;
    for (const row of [body.total, ...body.rows]) {
      for (const f of body.figures) {
        const query = new URLSearchParams({
          campaignId: String(campaignId),
          orgId: String(row.orgId),
          pageSize: '1',
          ...(row.own ? { unitOnly: 'true' } : {}),
          ...Object.fromEntries(Object.entries(f.filter).map(([k, v]) => [k, String(v)])),
        });
        const list = (await call('office', 'GET', `/api/v1/problems?${query}`)).json();
        expect(list.total, `${row.orgName} ${f.label}`).toBe(row.figures[f.key]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(12);
    const sum = body.rows.reduce((n: number, r: { figures: { total: number } }) => n + r.figures.total, 0);
    expect(sum).toBe(body.total.figures.total);
  });

  it('lists what the table shows — measure counts, colour, abilities as on the record — and the measures only with include=measures', async () => {
    const { call, fx } = h();
    const second = {
      content: '建立学习台账，逐月通报',
      ownerId: fx.people.memberA,
      leaderId: fx.people.leader,
      deadline: { workingDays: 5 },
    };
    const p = await record({ title: '清单计数核对', measures: [{ ...second, deadline: { workingDays: 3 } }, second] });
    const confirmed = (
      await call('secretary', 'POST', `/api/v1/problems/${p.id}/transitions`, { action: 'confirm', version: p.version })
    ).json();
    const m = confirmed.measures[0];
    const done = await call('officer', 'PATCH', `/api/v1/problems/${p.id}/measures/${m.id}`, {
      status: 'done',
      version: m.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    for (const user of ['officer', 'member']) {
      const detail = (await call(user, 'GET', `/api/v1/problems/${p.id}`)).json();
      const query = `/api/v1/problems?campaignId=${campaignId}&q=${encodeURIComponent('清单计数核对')}`;
      const [item] = (await call(user, 'GET', query)).json().items;
      expect(item.measureCounts).toEqual({ open: 1, done: 1 });
      expect(item).not.toHaveProperty('measures');
      expect(item.abilities).toEqual(detail.abilities);
      expect(item.blockers).toEqual(detail.blockers);
      expect(item.colour).toBe(detail.colour);
      expect(item.dueDate).toBe(detail.measures[1].deadline);
      const [full] = (await call(user, 'GET', `${query}&include=measures`)).json().items;
      expect(full.measures).toEqual(detail.measures);
    }
    expect((await call('officer', 'GET', `/api/v1/problems?include=progress`)).statusCode).toBe(400);
  });

  it('searches Chinese text in titles and descriptions, long and short queries alike', async () => {
    const { call, fx } = h();
    const p = await record({ title: '背街小巷管理粗放', description: '夜间占道经营反弹明显，群众投诉较多' });
    const ids = async (q: string) =>
      (await call('office', 'GET', `/api/v1/problems?campaignId=${campaignId}&pageSize=200&q=${encodeURIComponent(q)}`))
        .json()
        .items.map((x: { id: number }) => x.id);
    expect(await ids('占道经营反弹')).toEqual([p.id]);
    expect(await ids('小巷管理')).toEqual([p.id]);
    expect(await ids('占道')).toEqual([p.id]);
    expect(await ids('不存在的说法')).toEqual([]);
    const edited = await call('officer', 'PATCH', `/api/v1/problems/${p.id}`, {
      version: p.version,
      description: '渣土车撒漏',
    });
    expect(edited.statusCode).toBe(200);
    expect(await ids('占道经营反弹')).toEqual([]);
    expect(await ids('渣土车撒漏')).toEqual([p.id]);
    expect(fx.units.branchA.id).toBe(p.orgId);
  });

  it('the 责任领导 of a measure follows its problem even outside their own scope', async () => {
    const { call } = h();
    const led = await record();
    const notLed = await record({ measures: [{ content: '措施', deadline: { workingDays: 5 } }] });
    expect((await call('leader', 'GET', `/api/v1/problems/${led.id}`)).statusCode).toBe(200);
    expect((await call('leader', 'GET', `/api/v1/problems/${notLed.id}`)).statusCode).toBe(404);
  });
});
