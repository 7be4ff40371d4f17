import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { multipart, PDF_BYTES } from '../../testing/multipart.ts';
import { addDays, today } from '../../clock.ts';

describeEachDb('#problems closing flow', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  /** A confirmed problem whose one measure is open, recorded by the office. */
  const inProgress = async () => {
    const { call, fx } = h();
    const created = await call('office', 'POST', '/api/v1/problems', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '执法记录仪使用不规范',
      source: 'self_found',
      kind: 'immediate',
      measures: [{ content: '逐一检查执法记录仪', ownerId: fx.people.memberA, deadline: { workingDays: 5 } }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    const confirmed = await call('secretary', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'confirm',
      version: p.version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return confirmed.json();
  };

  it('says on the record why 申请销号 is not open yet, in the words the refusal uses', async () => {
    const { call } = h();
    const p = await inProgress();
    expect(p.abilities.submit).toBe(true);
    expect(p.blockers.submit).toBe('还有 1 条整改措施未完成，不能申请销号');
    const refused = await call('secretary', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'submit',
      version: p.version,
      effect: '已整改',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(p.blockers.submit);
  });

  it('fails with 400 naming 进展日期 when progress is dated after today', async () => {
    const { call } = h();
    const p = await inProgress();
    const res = await call('office', 'POST', `/api/v1/problems/${p.id}/measures/${p.measures[0].id}/progress`, {
      date: addDays(today(), 1),
      note: '提前写好的进展',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      path: 'date',
      message: expect.stringContaining('“进展日期”不能晚于今天'),
    });
    expect((await call('office', 'GET', `/api/v1/problems/${p.id}`)).json().progress).toEqual([]);
  });

  it('fails with 403 when the submitter approves or returns their own request; another reviewer may', async () => {
    const { call, app, cookie } = h();
    let p = await inProgress();
    const done = await call('secretary', 'PATCH', `/api/v1/problems/${p.id}/measures/${p.measures[0].id}`, {
      status: 'done',
      version: p.measures[0].version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const body = multipart({ name: '佐证.pdf', content: PDF_BYTES, type: 'application/pdf' });
    const file = await app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      payload: body.payload,
      headers: { ...body.headers, cookie: await cookie('secretary') },
    });
    expect(file.statusCode, file.body).toBe(201);
    p = (await call('secretary', 'GET', `/api/v1/problems/${p.id}`)).json();
    expect(p.blockers.submit).toBeUndefined();
    const submitted = await call('secretary', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'submit',
      version: p.version,
      effect: '记录仪已逐一检查，建立日检制度',
      attachmentIds: [file.json().id],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    p = submitted.json();
    expect(p.abilities.approve).toBe(false);
    expect(p.abilities.reject).toBe(false);
    expect(p.blockers.approve).toContain('审核分离');

    for (const action of ['approve', 'reject'] as const) {
      const own = await call('secretary', 'POST', `/api/v1/problems/${p.id}/transitions`, {
        action,
        version: p.version,
        reason: '再核实',
      });
      expect(own.statusCode, action).toBe(403);
      expect(own.json().detail).toContain('审核分离');
    }

    const seen = (await call('office', 'GET', `/api/v1/problems/${p.id}`)).json();
    expect(seen.abilities.approve).toBe(true);
    expect(seen.blockers.approve).toBeUndefined();
    const returned = await call('office', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'reject',
      version: p.version,
      reason: '佐证不足',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    // After a return the draft of 整改成效 is kept for the resubmission.
    expect(returned.json()).toMatchObject({ status: 'in_progress', effect: '记录仪已逐一检查，建立日检制度' });

    // Resubmitted by the office this time: now the secretary may decide, and the office may not.
    const again = await call('office', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'submit',
      version: returned.json().version,
      effect: '补充了日检记录',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await call('office', 'GET', `/api/v1/problems/${p.id}`)).json().abilities.approve).toBe(false);
    const approved = await call('secretary', 'POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'approve',
      version: again.json().version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('closed');
  });
});
