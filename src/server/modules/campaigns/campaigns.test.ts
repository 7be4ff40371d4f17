import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

const body = (orgId: number) => ({
  orgId,
  name: '学习贯彻主题教育',
  batch: '第一批',
  startDate: '2023-04-01',
  endDate: '2023-08-31',
  generalRequirement: '学思想、强党性、重实践、建新功',
  targets: ['凝心铸魂筑牢根本', '锤炼品格强化忠诚'],
  workLines: [
    { key: 'study', label: '理论学习' },
    { key: 'rectification', label: '检视整改' },
  ],
  focusAreas: ['理论学习', '工作作风'],
  minStudyHours: 32,
});

describeEachDb('#campaigns', (h) => {
  let id = 0;

  it('creates a campaign with its lists, edits it and keeps its readings in order', async () => {
    const { fx, call, db } = h();
    const created = await call('office', 'POST', '/api/v1/campaigns', body(fx.units.root.id));
    expect(created.statusCode).toBe(201);
    const c = created.json();
    id = c.id;
    expect(c).toMatchObject({ orgName: '市局党委', status: 'active', warningDays: 7, targets: ['凝心铸魂筑牢根本', '锤炼品格强化忠诚'], version: 1 });
    expect(c.workLines[1]).toEqual({ key: 'rectification', label: '检视整改' });
    expect(c.abilities.update).toBe(true);

    const edited = await call('office', 'PATCH', `/api/v1/campaigns/${id}`, { version: 1, focusAreas: ['廉洁自律'], status: 'finished' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ focusAreas: ['廉洁自律'], status: 'finished', version: 2 });

    const r1 = await call('office', 'POST', `/api/v1/campaigns/${id}/readings`, { title: '《习近平著作选读》第一卷', source: '人民出版社' });
    const r2 = await call('office', 'POST', `/api/v1/campaigns/${id}/readings`, { title: '《论党的自我革命》', sortOrder: 1 });
    expect(r1.statusCode).toBe(201);
    const patched = await call('office', 'PATCH', `/api/v1/campaigns/${id}/readings/${r1.json().id}`, { version: 1, title: '《习近平著作选读》第二卷' });
    expect(patched.json().version).toBe(2);
    const list = (await call('member', 'GET', `/api/v1/campaigns/${id}/readings`)).json().items;
    expect(list.map((r: { title: string }) => r.title)).toEqual(['《论党的自我革命》', '《习近平著作选读》第二卷']);
    expect(list[0].abilities.update).toBe(false);
    expect((await call('office', 'DELETE', `/api/v1/campaigns/${id}/readings/${r2.json().id}`)).statusCode).toBe(204);
    expect((await call('office', 'GET', `/api/v1/campaigns/${id}/readings`)).json().items).toHaveLength(1);

    const audit = await db.selectFrom('auditEvents').select(['entityType', 'action']).where('entityType', 'in', ['campaign', 'campaign_reading']).orderBy('id').execute();
    expect(audit.map((a) => `${a.entityType}:${a.action}`)).toEqual([
      'campaign:create', 'campaign:update', 'campaign_reading:create', 'campaign_reading:create', 'campaign_reading:update', 'campaign_reading:delete',
    ]);
  });

  it('rejects an end date before the start date, an unknown work line and a duplicate one, writing nothing', async () => {
    const { fx, call, db } = h();
    const before = await db.selectFrom('campaigns').select('id').execute();
    const dates = await call('office', 'POST', '/api/v1/campaigns', { ...body(fx.units.root.id), endDate: '2023-03-01' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().errors[0].path).toBe('endDate');
    expect(dates.json().detail).toContain('结束日期');
    const patch = await call('office', 'PATCH', `/api/v1/campaigns/${id}`, { version: 2, startDate: '2024-01-01' });
    expect(patch.statusCode).toBe(400);
    const unknown = await call('office', 'POST', '/api/v1/campaigns', { ...body(fx.units.root.id), workLines: [{ key: 'party', label: '党建' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('workLines.0.key');
    const dup = await call('office', 'POST', '/api/v1/campaigns', { ...body(fx.units.root.id), workLines: [{ key: 'study', label: '甲' }, { key: 'study', label: '乙' }] });
    expect(dup.statusCode).toBe(400);
    expect(await db.selectFrom('campaigns').select('id').execute()).toHaveLength(before.length);
    expect((await call('office', 'GET', `/api/v1/campaigns/${id}`)).json().version).toBe(2);
  });

  it('a member reads the campaign of the root unit but may not change it; outsiders of a branch campaign get 404/403', async () => {
    const { fx, call } = h();
    const seen = await call('member', 'GET', `/api/v1/campaigns/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities.update).toBe(false);
    expect((await call('member', 'PATCH', `/api/v1/campaigns/${id}`, { version: 2, name: '改' })).statusCode).toBe(403);
    expect((await call('member', 'POST', `/api/v1/campaigns/${id}/readings`, { title: '篇目' })).statusCode).toBe(403);
    expect((await call('officer', 'POST', '/api/v1/campaigns', body(fx.units.branchA.id))).statusCode).toBe(403);

    const local = (await call('admin', 'POST', '/api/v1/campaigns', { ...body(fx.units.branchB.id), name: '支部专项' })).json();
    expect((await call('officer', 'GET', `/api/v1/campaigns/${local.id}`)).statusCode).toBe(404);
    expect((await call('officer', 'PATCH', `/api/v1/campaigns/${local.id}`, { version: 1, name: '改' })).statusCode).toBe(403);
    expect((await call('leader', 'GET', `/api/v1/campaigns/${local.id}`)).statusCode).toBe(200);
    const memberList = (await call('member', 'GET', '/api/v1/campaigns')).json();
    expect(memberList.items.map((c: { id: number }) => c.id)).toEqual([id]);
    expect((await call('office', 'GET', '/api/v1/campaigns')).json().total).toBe(2);
  });
});
