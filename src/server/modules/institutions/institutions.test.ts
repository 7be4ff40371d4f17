import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, today } from '../../clock.ts';

describeEachDb('#institutions (建章立制)', (h) => {
  let campaignId: number;
  let problemId: number;
  beforeAll(async () => {
    const { db, fx, call } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    const p = await call('officer', 'POST', '/api/v1/problems', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '会议记录不规范',
      source: 'supervision',
      kind: 'immediate',
      measures: [{ content: '统一记录模板', deadline: addDays(today(), 5) }],
    });
    problemId = p.json().id;
  });

  it('drafts an institution answering a problem, takes it through 审议 to 印发, and the unit sees what its problems produced', async () => {
    const { call, fx } = h();
    const created = await call('office', 'POST', '/api/v1/institutions', {
      campaignId,
      orgId: fx.units.committee.id,
      title: '机关党支部会议记录规范',
      action: 'create',
      reason: '解决会议记录不规范问题',
      problemIds: [problemId],
    });
    expect(created.statusCode, created.body).toBe(201);
    let inst = created.json();
    expect(inst).toMatchObject({
      status: 'draft',
      statusLabel: '起草',
      actionLabel: '立',
      problems: [{ id: problemId }],
    });
    expect((await call('officer', 'GET', `/api/v1/institutions/${inst.id}`)).statusCode).toBe(200);
    expect((await call('outsider', 'GET', `/api/v1/institutions/${inst.id}`)).statusCode).toBe(404);
    expect(
      (
        await call('officer', 'POST', `/api/v1/institutions/${inst.id}/transitions`, {
          action: 'issue',
          version: inst.version,
          issuedDate: today(),
        })
      ).statusCode,
    ).toBe(403);
    inst = (
      await call('office', 'POST', `/api/v1/institutions/${inst.id}/transitions`, {
        action: 'submit_review',
        version: inst.version,
      })
    ).json();
    const noDate = await call('secretary', 'POST', `/api/v1/institutions/${inst.id}/transitions`, {
      action: 'issue',
      version: inst.version,
    });
    expect(noDate.statusCode).toBe(409);
    inst = (
      await call('secretary', 'POST', `/api/v1/institutions/${inst.id}/transitions`, {
        action: 'issue',
        version: inst.version,
        issuedDate: today(),
      })
    ).json();
    expect(inst).toMatchObject({ status: 'issued', issuedDate: today() });
    const produced = (await call('officer', 'GET', `/api/v1/institutions?problemOrgId=${fx.units.branchA.id}`)).json();
    expect(produced.items.map((i: { id: number }) => i.id)).toEqual([inst.id]);
    expect((await call('office', 'GET', `/api/v1/institutions?problemOrgId=${fx.units.branchB.id}`)).json().total).toBe(
      0,
    );
  });

  it('a closure can link an institution (发现一个问题、解决一类问题)', async () => {
    const { call, fx } = h();
    const inst = (
      await call('office', 'POST', '/api/v1/institutions', {
        campaignId,
        orgId: fx.units.branchA.id,
        title: '办公室党支部学习制度',
        action: 'revise',
      })
    ).json();
    let p = (
      await call('secretary', 'POST', `/api/v1/problems/${problemId}/transitions`, {
        action: 'confirm',
        version: (await call('secretary', 'GET', `/api/v1/problems/${problemId}`)).json().version,
      })
    ).json();
    await call('officer', 'PATCH', `/api/v1/problems/${problemId}/measures/${p.measures[0].id}`, {
      status: 'done',
      version: p.measures[0].version,
    });
    p = (await call('officer', 'GET', `/api/v1/problems/${problemId}`)).json();
    await h()
      .db.insertInto('attachments')
      .values({
        sha256: 'x',
        name: 'a.pdf',
        size: 1,
        mime: 'application/pdf',
        uploadedBy: fx.users.officer,
        orgPath: fx.units.branchA.path,
        createdAt: 'x',
      })
      .execute();
    const att = await h().db.selectFrom('attachments').select('id').where('sha256', '=', 'x').executeTakeFirstOrThrow();
    p = (
      await call('officer', 'POST', `/api/v1/problems/${problemId}/transitions`, {
        action: 'submit',
        version: p.version,
        effect: '模板已统一',
        attachmentIds: [att.id],
      })
    ).json();
    const closed = await call('secretary', 'POST', `/api/v1/problems/${problemId}/transitions`, {
      action: 'approve',
      version: p.version,
      institutionId: inst.id,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', institutionId: inst.id });
    expect(
      (await call('officer', 'GET', `/api/v1/institutions/${inst.id}`))
        .json()
        .problems.map((x: { id: number }) => x.id),
    ).toEqual([problemId]);
  });
});
