import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

const config = {
  name: '学习贯彻习近平新时代中国特色社会主义思想主题教育',
  batch: '第二批',
  startDate: '2023-09-01',
  endDate: '2024-01-31',
  generalRequirement: '学思想、强党性、重实践、建新功',
  targets: ['凝心铸魂筑牢根本', '锤炼品格强化忠诚'],
  workLines: [
    { key: 'study', label: '理论学习' },
    { key: 'rectification', label: '检视整改' },
  ],
  focusAreas: ['理论学习', '工作作风'],
  minStudyHours: 32,
};

describeEachDb('#campaigns', (h) => {
  it('the office configures a campaign and its readings; every member of the bureau can read it', async () => {
    const { call, fx } = h();
    const created = await call('office', 'POST', '/api/v1/campaigns', { ...config, orgId: fx.units.root.id });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      generalRequirement: '学思想、强党性、重实践、建新功',
      workLines: config.workLines,
      warningDays: 7,
      status: 'active',
      abilities: { update: true },
    });

    const reading = await call('office', 'POST', `/api/v1/campaigns/${c.id}/readings`, {
      title: '《习近平著作选读》第一卷',
      source: '人民出版社',
    });
    expect(reading.statusCode).toBe(201);
    const updated = await call('office', 'PATCH', `/api/v1/campaigns/${c.id}`, {
      version: c.version,
      focusAreas: ['理论学习', '工作作风', '廉洁自律'],
      warningDays: 5,
    });
    expect(updated.json()).toMatchObject({
      focusAreas: ['理论学习', '工作作风', '廉洁自律'],
      warningDays: 5,
      version: c.version + 1,
    });

    const seen = await call('member', 'GET', `/api/v1/campaigns/${c.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities.update).toBe(false);
    expect(
      (await call('member', 'GET', `/api/v1/campaigns/${c.id}/readings`))
        .json()
        .items.map((r: { title: string }) => r.title),
    ).toEqual(['《习近平著作选读》第一卷']);
    expect(
      (await call('member', 'PATCH', `/api/v1/campaigns/${c.id}`, { version: 2, warningDays: 1 })).statusCode,
    ).toBe(403);
    expect((await call('officer', 'POST', `/api/v1/campaigns/${c.id}/readings`, { title: 'x' })).statusCode).toBe(403);
  });

  it('a campaign of one branch is invisible to another branch', async () => {
    const { call, fx } = h();
    const c = (
      await call('office', 'POST', '/api/v1/campaigns', { ...config, name: '支部专项学习', orgId: fx.units.branchB.id })
    ).json();
    expect((await call('officer', 'GET', `/api/v1/campaigns/${c.id}`)).statusCode).toBe(404);
    expect((await call('leader', 'GET', `/api/v1/campaigns/${c.id}`)).statusCode).toBe(200);
  });

  it('rejects an end date before the start and malformed lists, naming the field', async () => {
    const { call, fx } = h();
    const dates = await call('office', 'POST', '/api/v1/campaigns', {
      ...config,
      orgId: fx.units.root.id,
      endDate: '2023-08-01',
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().errors).toEqual([{ path: 'endDate', message: '“结束日期”不能早于“开始日期”' }]);
    const line = await call('office', 'POST', '/api/v1/campaigns', {
      ...config,
      orgId: fx.units.root.id,
      workLines: [{ key: 'dancing', label: '跳舞' }],
    });
    expect(line.statusCode).toBe(400);
    expect(line.json().errors[0].path).toBe('workLines.0.key');
    const date = await call('office', 'POST', '/api/v1/campaigns', {
      ...config,
      orgId: fx.units.root.id,
      startDate: '2023-13-01',
    });
    expect(date.json().errors[0].message).toContain('开始日期');
    const before = Number(
      (
        await h()
          .db.selectFrom('campaigns')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const twice = await call('office', 'POST', '/api/v1/campaigns', {
      ...config,
      orgId: fx.units.root.id,
      workLines: [
        { key: 'study', label: '理论学习' },
        { key: 'study', label: '学习教育' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([{ path: 'workLines', message: '“工作线”不能重复：study' }]);
    const after = Number(
      (
        await h()
          .db.selectFrom('campaigns')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
  });
});
