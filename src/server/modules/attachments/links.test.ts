/**
 * A file linked to a record is open to whoever may see that record: the office's evidence on a branch's 民生实事
 * progress or 考核 entry is open to the branch's officer, never to an officer of another branch.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { multipart, PDF_BYTES } from '../../testing/multipart.ts';
import { addDays, today } from '../../clock.ts';

describeEachDb('attachments linked by matters and assessment entries', (h) => {
  let campaignId = 0;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });
  const officeUpload = async (): Promise<number> => {
    const body = multipart({ name: '佐证.pdf', content: PDF_BYTES, type: 'application/pdf' });
    const res = await h().app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      payload: body.payload,
      headers: { ...body.headers, cookie: await h().cookie('office') },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };
  const opens = async (user: string, id: number) =>
    (await h().call(user, 'GET', `/api/v1/attachments/${id}`)).statusCode;

  it('opens a 民生实事 progress file to the matter unit’s officer', async () => {
    const { call, fx } = h();
    const file = await officeUpload();
    expect(await opens('officer', file)).toBe(404);
    const matter = await call('office', 'POST', '/api/v1/matters', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '背街小巷路灯全覆盖',
      dueDate: addDays(today(), 30),
    });
    expect(matter.statusCode, matter.body).toBe(201);
    const noted = await call('office', 'POST', `/api/v1/matters/${matter.json().id}/progress`, {
      date: today(),
      note: '已完成 60 盏',
      attachmentId: file,
    });
    expect(noted.statusCode, noted.body).toBe(200);
    expect(await opens('officer', file)).toBe(200);
    expect(await opens('outsider', file)).toBe(404);
  });

  it('opens a 考核 entry’s evidence to the assessed unit’s officer', async () => {
    const { call, fx } = h();
    const file = await officeUpload();
    expect(await opens('officer', file)).toBe(404);
    const assessment = await call('office', 'POST', '/api/v1/assessments', {
      campaignId,
      orgId: fx.units.root.id,
      name: '党支部考核',
      period: '2026年度',
      periodFrom: addDays(today(), -300),
      periodTo: today(),
      groups: [{ key: 'branch' }],
      areas: [{ name: '加分项', indicators: [{ name: '创新项目', kind: 'bonus', maxPoints: 5 }] }],
    });
    expect(assessment.statusCode, assessment.body).toBe(201);
    const a = assessment.json();
    const entry = await call('office', 'POST', `/api/v1/assessments/${a.id}/entries`, {
      indicatorId: a.areas[0].indicators[0].id,
      orgId: fx.units.branchA.id,
      points: 2,
      reason: '市级示范点',
      attachmentIds: [file],
    });
    expect(entry.statusCode, entry.body).toBe(201);
    expect(await opens('officer', file)).toBe(200);
    expect(await opens('outsider', file)).toBe(404);
  });
});
