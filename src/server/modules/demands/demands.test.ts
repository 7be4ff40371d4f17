import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';

const PHONE = '13912345678';

async function file(h: Harness, extra: Record<string, unknown> = {}) {
  const res = await h.call('office', 'POST', '/api/v1/demands', {
    channel: 'hotline',
    kind: 'complaint',
    category: 'sanitation',
    description: '小区门口垃圾三天没人清运',
    address: '人民路 12 号',
    lat: 30.2501,
    long: 120.1601,
    name: '陈小明',
    phone: PHONE,
    orgId: h.fx.units.root.id,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function act(h: Harness, who: string, id: number, body: Record<string, unknown>, status = 200) {
  const current = (await h.call('office', 'GET', `/api/v1/demands/${id}`)).json();
  const res = await h.call(who, 'POST', `/api/v1/demands/${id}/transitions`, { version: current.version, ...body });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describeEachDb('demands: 接诉即办 workflow', (h) => {
  let campaignId = 0;
  it('setup: a campaign', async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  it('受理 → 派单 → 签收 → 答复 → 回访 → 办结, timed, with the history and the figures', async () => {
    const d = await file(h(), { campaignId });
    expect(d.status).toBe('received');
    expect(d.trackingCode).toMatch(/^TZ[2-9A-Z]{10}$/);
    const dispatched = await act(h(), 'office', d.id, { action: 'dispatch', orgId: h().fx.units.branchA.id });
    expect(dispatched.status).toBe('dispatched');
    expect(dispatched.orgName).toBe('办公室党支部');
    expect(dispatched.acceptDueAt > dispatched.dispatchedAt).toBe(true);
    expect(dispatched.dueAt > dispatched.acceptDueAt).toBe(true);
    const seen = (await h().call('officer', 'GET', `/api/v1/demands/${d.id}`)).json();
    expect(seen.abilities.accept).toBe(true);
    expect(seen.abilities.visit).toBe(false); // the unit accepts and answers, the office follows up
    await act(h(), 'officer', d.id, { action: 'accept' });
    await act(h(), 'officer', d.id, { action: 'answer' }, 409); // no answer text
    const answered = await act(h(), 'officer', d.id, { action: 'answer', answer: '已安排环卫车当日清运' });
    expect(answered.status).toBe('answered');
    await act(h(), 'officer', d.id, { action: 'visit', satisfaction: 'satisfied' }, 403);
    await act(h(), 'office', d.id, { action: 'visit', satisfaction: 'satisfied', contacted: true, solved: true });
    const closed = await act(h(), 'office', d.id, { action: 'close' });
    expect(closed.status).toBe('closed');
    expect(closed.firstOrgId).toBe(h().fx.units.branchA.id);
    expect(closed.events.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'dispatch',
      'accept',
      'answer',
      'visit',
      'close',
    ]);
    const fig = (
      await h().call(
        'office',
        'GET',
        `/api/v1/demands/figures?campaignId=${campaignId}&orgId=${h().fx.units.branchA.id}`,
      )
    ).json();
    expect(fig).toMatchObject({
      valid: 1,
      contacted: 1,
      solved: 1,
      satisfied: 1,
      responseRate: 1,
      satisfactionRate: 1,
    });
    // The figure opens the list it counts.
    const list = (await h().call('office', 'GET', `/api/v1${fig.links.satisfied}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(d.id);
  });

  it('a subtree with nothing followed up reports 无数据 (null), never 0', async () => {
    const fig = (
      await h().call(
        'office',
        'GET',
        `/api/v1/demands/figures?campaignId=${campaignId}&orgId=${h().fx.units.branchC.id}`,
      )
    ).json();
    expect(fig.valid).toBe(0);
    expect(fig.responseRate).toBeNull();
    expect(fig.satisfactionRate).toBeNull();
    expect(fig.score).toBeNull();
  });

  it('退单 within the limit goes back to 受理, then 改派 to another unit; stale versions and bad moves are 409', async () => {
    const d = await file(h(), { campaignId, category: 'street_light', description: '路灯不亮' });
    await act(h(), 'office', d.id, { action: 'dispatch', orgId: h().fx.units.branchA.id });
    await act(h(), 'officer', d.id, { action: 'return' }, 409); // a reason is required
    const back = await act(h(), 'officer', d.id, { action: 'return', reason: '路灯归市容科管理' });
    expect(back.status).toBe('received');
    expect(back.orgId).toBeNull();
    expect(back.returnCount).toBe(1);
    const again = await act(h(), 'office', d.id, { action: 'dispatch', orgId: h().fx.units.branchB.id });
    expect(again.orgName).toBe('市容科党支部');
    // branchA no longer sees it.
    expect((await h().call('officer', 'GET', `/api/v1/demands/${d.id}`)).statusCode).toBe(404);
    const stale = await h().call('office', 'POST', `/api/v1/demands/${d.id}/transitions`, {
      action: 'accept',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    await act(h(), 'office', d.id, { action: 'close' }, 409);
  });

  it('延期 only on request before the deadline, approved by the office; 不满意 → 重办', async () => {
    const d = await file(h(), { campaignId, category: 'noise', description: '工地夜间施工噪声' });
    await act(h(), 'office', d.id, { action: 'dispatch', orgId: h().fx.units.branchA.id });
    await act(h(), 'officer', d.id, { action: 'accept' });
    const asked = await act(h(), 'officer', d.id, { action: 'request_extension', days: 5, reason: '需会同住建部门' });
    expect(asked.extensionDays).toBe(5);
    await act(h(), 'officer', d.id, { action: 'approve_extension' }, 403);
    const approved = await act(h(), 'office', d.id, { action: 'approve_extension' });
    expect(approved.extended).toBe(true);
    expect(approved.dueAt > asked.dueAt).toBe(true);
    await act(h(), 'officer', d.id, { action: 'answer', answer: '已责令停工整改' });
    await act(h(), 'office', d.id, { action: 'visit', satisfaction: 'unsatisfied', solved: false });
    await act(h(), 'office', d.id, { action: 'close' }, 409); // unsatisfied: reopen, or give a reason
    const reopened = await act(h(), 'office', d.id, { action: 'reopen' });
    expect(reopened.status).toBe('accepted');
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.answer).toBe('');
  });

  it('an outside unit gets 404 on a demand and 403 on a move; bad input is 400 naming the field', async () => {
    const d = await file(h(), { campaignId });
    await act(h(), 'office', d.id, { action: 'dispatch', orgId: h().fx.units.branchA.id });
    expect((await h().call('outsider', 'GET', `/api/v1/demands/${d.id}`)).statusCode).toBe(404);
    const res = await h().call('outsider', 'POST', `/api/v1/demands/${d.id}/transitions`, {
      action: 'accept',
      version: 2,
    });
    expect(res.statusCode).toBe(403);
    const bad = await h().call('office', 'POST', '/api/v1/demands', {
      channel: 'hotline',
      kind: 'help',
      category: 'x',
      description: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('诉求内容');
    const huge = await h().call('office', 'GET', '/api/v1/demands?orgId=99999999999');
    expect(huge.statusCode).toBe(400);
  });

  it('a handling unit cannot see a confidential complainant; the office can, and every read is audited', async () => {
    const d = await file(h(), { campaignId, confidential: true, description: '举报某商户占道' });
    await act(h(), 'office', d.id, { action: 'dispatch', orgId: h().fx.units.branchA.id });
    const byUnit = (await h().call('officer', 'GET', `/api/v1/demands/${d.id}`)).json();
    expect(byUnit.contactVisible).toBe(false);
    expect(JSON.stringify(byUnit)).not.toContain('陈');
    expect(JSON.stringify(byUnit)).not.toContain('5678');
    expect((await h().call('officer', 'GET', `/api/v1/demands/${d.id}/contact`)).statusCode).toBe(403);
    const byOffice = (await h().call('office', 'GET', `/api/v1/demands/${d.id}`)).json();
    expect(byOffice.contactName).toBe('陈**');
    expect(byOffice.contactPhone).toBe('139****5678');
    const contact = await h().call('office', 'GET', `/api/v1/demands/${d.id}/contact`);
    expect(contact.json()).toEqual({ name: '陈小明', phone: PHONE });
    const audit = await h()
      .db.selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'demand')
      .where('entityId', '=', d.id)
      .where('action', '=', 'read_contact')
      .execute();
    expect(audit.length).toBe(1);
    // A non-confidential complainant is visible to the handling unit.
    const open = await file(h(), { campaignId });
    await act(h(), 'office', open.id, { action: 'dispatch', orgId: h().fx.units.branchA.id });
    expect((await h().call('officer', 'GET', `/api/v1/demands/${open.id}/contact`)).statusCode).toBe(200);
  });

  it('a demand near an open one of the same category is flagged, can be merged (linked both ways) and becomes a problem', async () => {
    const first = await file(h(), {
      campaignId,
      category: 'cable_web',
      description: '缆线乱拉',
      lat: 30.3,
      long: 120.2,
    });
    const second = await file(h(), {
      campaignId,
      category: 'cable_web',
      description: '电线像蜘蛛网',
      lat: 30.3005,
      long: 120.2008,
    });
    expect(second.repeatFlag).toBe(true);
    expect(second.nearby.id).toBe(first.id);
    const far = await file(h(), {
      campaignId,
      category: 'cable_web',
      description: '另一处缆线',
      lat: 30.35,
      long: 120.3,
    });
    expect(far.repeatFlag).toBe(false);
    const merged = await act(h(), 'office', second.id, { action: 'merge', targetId: first.id });
    expect(merged.status).toBe('closed');
    expect(merged.repeatOf).toBe(first.id);
    const target = (await h().call('office', 'GET', `/api/v1/demands/${first.id}`)).json();
    expect(target.repeats.map((r: { id: number }) => r.id)).toContain(second.id);
    await act(h(), 'office', first.id, { action: 'dispatch', orgId: h().fx.units.branchA.id });
    const v = (await h().call('office', 'GET', `/api/v1/demands/${first.id}`)).json().version;
    const made = await h().call('officer', 'POST', `/api/v1/demands/${first.id}/problem`, {
      title: '老旧小区缆线整治不彻底',
      version: v,
    });
    expect(made.statusCode, made.body).toBe(201);
    const problem = (await h().call('officer', 'GET', `/api/v1/problems/${made.json().problemId}`)).json();
    expect(problem.source).toBe('public_report');
    expect((await h().call('office', 'GET', `/api/v1/demands/${first.id}`)).json().problemId).toBe(
      made.json().problemId,
    );
  });

  it('the office changes a category: its limits apply from the next dispatch, a stopped one takes no new demand', async () => {
    const { call } = h();
    const add = await call('office', 'POST', '/api/v1/demands/categories', {
      code: 'noise_test',
      name: '噪声扰民',
      group: '环境',
      acceptHours: 24,
      handleLimit: 5,
      handleUnit: 'working_days',
    });
    expect(add.statusCode, add.body).toBe(201);
    const id = add.json().id as number;
    const listed = async (qs = '') =>
      (
        (await call('office', 'GET', `/api/v1/demands/categories${qs}`)).json().items as Array<Record<string, unknown>>
      ).find((c) => c.id === id);
    const v1 = (await listed())!;
    const patch = (body: Record<string, unknown>, who = 'office') =>
      call(who, 'PATCH', `/api/v1/demands/categories/${id}`, body);
    expect(
      (await patch({ version: v1.version, acceptHours: 2, handleLimit: 48, handleUnit: 'hours' })).statusCode,
    ).toBe(204);
    expect(await listed()).toMatchObject({ acceptHours: 2, handleLimit: 48, handleUnit: 'hours', version: 2 });
    expect((await patch({ version: 1, name: '改名' })).statusCode).toBe(409);
    expect((await patch({ version: 2, name: '改名' }, 'officer')).statusCode).toBe(403);
    expect((await patch({ version: 2, acceptHours: 0 })).statusCode).toBe(400);
    expect((await patch({ version: 2, active: false })).statusCode).toBe(204);
    expect(await listed()).toBeUndefined();
    expect(await listed('?includeInactive=true')).toMatchObject({ active: 0, version: 3 });
    const filed = await call('office', 'POST', '/api/v1/demands', {
      channel: 'hotline',
      kind: 'complaint',
      category: 'noise_test',
      description: '夜间施工',
      orgId: h().fx.units.root.id,
    });
    expect(filed.statusCode).toBe(400);
    expect(filed.body).toContain('已停用');
  });

  it('weights are versioned: a new version applies from its date and leaves earlier periods as they were', async () => {
    const url = `/api/v1/demands/figures?campaignId=${campaignId}&orgId=${h().fx.units.branchA.id}&from=2020-01-01&to=2099-12-31`;
    const before = (await h().call('office', 'GET', url)).json();
    expect(before.weights.resolution).toBe(0.5);
    const past = await h().call('office', 'POST', '/api/v1/demands/rate-configs', {
      campaignId,
      effectiveFrom: '2020-01-01',
      responseWeight: 0.3,
      resolutionWeight: 0.35,
      satisfactionWeight: 0.35,
      basicallyFactor: 0.9,
      monthStartDay: 19,
      repeatDistanceM: 250,
      repeatWindowDays: 30,
    });
    expect(past.statusCode).toBe(409);
    const body = {
      campaignId,
      effectiveFrom: '2099-01-19',
      responseWeight: 0.3,
      resolutionWeight: 0.35,
      satisfactionWeight: 0.35,
      basicallyFactor: 0.8,
      monthStartDay: 19,
      repeatDistanceM: 250,
      repeatWindowDays: 30,
    };
    expect((await h().call('officer', 'POST', '/api/v1/demands/rate-configs', body)).statusCode).toBe(403);
    const future = await h().call('office', 'POST', '/api/v1/demands/rate-configs', body);
    expect(future.statusCode, future.body).toBe(201);
    const after = (await h().call('office', 'GET', url)).json();
    expect(after.score).toBe(before.score);
    const later = (
      await h().call('office', 'GET', `/api/v1/demands/figures?campaignId=${campaignId}&from=2099-01-19&to=2099-02-18`)
    ).json();
    expect(later.weights).toMatchObject({ response: 0.3, basicallyFactor: 0.8 });
  });
});
