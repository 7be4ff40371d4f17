import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { expectOfficialLayout } from '../../testing/official-layout.ts';

describeEachDb('#bulletins', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    const { call, fx, db } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    for (const [orgId, title] of [
      [fx.units.branchA.id, '学习流于形式'],
      [fx.units.branchC.id, '执法记录仪使用不规范'],
    ] as const) {
      const res = await call('office', 'POST', '/api/v1/problems', {
        campaignId,
        orgId,
        title,
        source: 'self_found',
        kind: 'immediate',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const topic = await call('office', 'POST', '/api/v1/research/topics', {
      campaignId,
      orgId: fx.units.branchA.id,
      leaderId: fx.people.leader,
      title: '背街小巷环境整治调研',
    });
    expect(topic.statusCode, topic.body).toBe(201);
    const flag = await call('officer', 'POST', '/api/v1/highlights', {
      entityType: 'research_topic',
      entityId: topic.json().id,
      kind: 'good_practice',
      text: '“街巷长制”让群众身边事有人管',
    });
    expect(flag.statusCode, flag.body).toBe(201);
    const plan = await call('office', 'POST', '/api/v1/checks', {
      campaignId,
      orgId: fx.units.branchC.id,
      date: '2026-11-20',
      method: 'visit',
      inspectorIds: [fx.people.inspector, fx.people.officeHead],
    });
    await call('office', 'POST', `/api/v1/checks/${plan.json().id}/record`, {
      version: 1,
      findings: [{ text: '值班台账填写不全。' }],
    });
  });

  it('without a unit, the office compiles for the top of its scope (the whole campaign), not its own branch', async () => {
    const { call, fx } = h();
    const res = await call('office', 'POST', '/api/v1/bulletins', {
      campaignId,
      periodFrom: '2026-11-01',
      periodTo: '2027-12-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().orgId).toBe(fx.units.root.id);
    expect(res.json().sections.map((s: { heading: string }) => s.heading)).toContain('督导检查');
  });

  it('a draft quotes the dashboard figures for the same scope, the period highlights and checks; once issued it is frozen', async () => {
    const { call, fx } = h();
    const created = await call('office', 'POST', '/api/v1/bulletins', {
      campaignId,
      orgId: fx.units.root.id,
      periodFrom: '2026-11-01',
      periodTo: '2027-12-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const b = created.json();
    expect(b.status).toBe('draft');
    expect(b.number).toBeNull();
    const dashboard = (
      await call('office', 'GET', `/api/v1/dashboard?campaignId=${campaignId}&orgId=${fx.units.root.id}`)
    ).json();
    expect(b.figures.problems).toEqual(dashboard.problems);
    expect(b.figures.study).toEqual(dashboard.study);
    expect(b.figures.problems.total).toBe(3);
    expect(b.figures.research.topics).toBe(1);
    const headings = b.sections.map((s: { heading: string }) => s.heading);
    expect(headings).toEqual(['总体情况', '亮点做法', '督导检查']);
    expect(b.sections[0].items[0].text).toContain('共查摆问题3个');
    expect(b.sections[1].items[0].text).toBe('“街巷长制”让群众身边事有人管');
    expect(b.sections[2].items[0].text).toContain('值班台账填写不全');

    // Not yet published: a member of a unit under the office sees nothing.
    expect((await call('member', 'GET', `/api/v1/bulletins/${b.id}`)).statusCode).toBe(404);
    const edited = await call('office', 'PATCH', `/api/v1/bulletins/${b.id}`, {
      version: b.version,
      editorNote: '现将近期工作情况编发如下。',
      distribution: { report: '市委主题教育领导小组', distribute: '各基层党组织', copies: 40 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const issued = await call('office', 'POST', `/api/v1/bulletins/${b.id}/issue`, { version: edited.json().version });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().number).toBe(1);
    expect(issued.json().numberLabel).toBe('第1期');
    const frozen = await call('office', 'PATCH', `/api/v1/bulletins/${b.id}`, {
      version: issued.json().version,
      title: '改标题',
    });
    expect(frozen.statusCode).toBe(409);
    expect(
      (await call('office', 'POST', `/api/v1/bulletins/${b.id}/issue`, { version: issued.json().version })).statusCode,
    ).toBe(409);

    // Published to the units under the issuing unit.
    expect((await call('member', 'GET', `/api/v1/bulletins/${b.id}`)).statusCode).toBe(200);
    expect((await call('outsider', 'GET', '/api/v1/bulletins?status=issued')).json().total).toBeGreaterThanOrEqual(1);

    const docx = await call('member', 'GET', `/api/v1/bulletins/${b.id}.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    // The downloaded bulletin itself holds to the GB/T 9704 values, not only the writer's sample.
    const { paragraphs } = expectOfficialLayout(new Uint8Array(docx.rawPayload), {
      masthead: '主题教育工作简报',
      number: '第1期',
      title: issued.json().title,
      distribution: ['报：市委主题教育领导小组', '发：各基层党组织', '（共印40份）'],
    });
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('编者按：现将近期工作情况编发如下。');
    expect(texts).toContain('一、总体情况');
    expect(texts).toContain('三、督导检查');
    expect(texts.some((t) => t.includes('值班台账填写不全'))).toBe(true);
  });

  it('numbers count per campaign, with 增刊 apart; bad input is a named 400', async () => {
    const { call, fx } = h();
    const issue = async (kind: string) => {
      const d = (
        await call('office', 'POST', '/api/v1/bulletins', {
          campaignId,
          orgId: fx.units.root.id,
          kind,
          periodFrom: '2026-12-01',
          periodTo: '2026-12-07',
        })
      ).json();
      return (await call('office', 'POST', `/api/v1/bulletins/${d.id}/issue`, { version: d.version })).json()
        .numberLabel;
    };
    expect(await issue('regular')).toBe('第2期');
    expect(await issue('supplement')).toBe('增刊第1期');
    expect(await issue('regular')).toBe('第3期');
    const bad = await call('office', 'POST', '/api/v1/bulletins', {
      campaignId,
      periodFrom: '2026-12-07',
      periodTo: '2026-12-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('periodTo');
    const date = await call('office', 'POST', '/api/v1/bulletins', {
      campaignId,
      periodFrom: 'x',
      periodTo: '2026-12-01',
    });
    expect(date.statusCode).toBe(400);
    expect(
      (
        await call('officer', 'POST', '/api/v1/bulletins', {
          campaignId,
          periodFrom: '2026-12-01',
          periodTo: '2026-12-07',
        })
      ).statusCode,
    ).toBe(403);
  });
});
