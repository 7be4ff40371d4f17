import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { readSheet } from '../../io/xlsx-sheet.ts';
import { workbookOf, type Cell } from '../../testing/ledger-corpus.ts';
import { importOneStep } from '../../testing/ledger-import.ts';

const COLUMNS = ['查询码', '诉求内容', '诉求人', '联系电话', '办理状态', '承办单位'];

async function file(h: Harness, extra: Record<string, unknown>) {
  const res = await h.call('office', 'POST', '/api/v1/demands', {
    channel: 'hotline',
    kind: 'complaint',
    category: 'sanitation',
    description: '小区门口垃圾三天没人清运',
    address: '人民路 12 号',
    name: '陈小明',
    phone: '13912345678',
    orgId: h.fx.units.root.id,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; trackingCode: string };
}

async function exported(h: Harness, who: string, query = '') {
  const res = await h.app.inject({
    method: 'GET',
    url: `/api/v1/exports/demands.xlsx${query}`,
    headers: { cookie: await h.cookie(who) },
  });
  expect(res.statusCode, res.body).toBe(200);
  const { rows, missing } = await readSheet(res.rawPayload, COLUMNS);
  expect(missing).toEqual([]);
  // Never the phone in clear, whoever exports.
  expect(JSON.stringify(rows)).not.toContain('13912345678');
  return rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r.cells[c].text])));
}

describeEachDb('demands: 群众诉求台账 export and template', (h) => {
  it('exports the list on screen with its filters; the complainant masked, hidden where the list hides them', async () => {
    const { call, fx } = h();
    const open = await file(h(), { description: '路灯不亮' });
    const secret = await file(h(), { description: '反映执法人员态度', confidential: true });
    const d = (await call('office', 'GET', `/api/v1/demands/${secret.id}`)).json();
    const sent = await call('office', 'POST', `/api/v1/demands/${secret.id}/transitions`, {
      action: 'dispatch',
      version: d.version,
      orgId: fx.units.branchA.id,
    });
    expect(sent.statusCode, sent.body).toBe(200);

    const all = await exported(h(), 'office');
    const list = (await call('office', 'GET', '/api/v1/demands?pageSize=200')).json().items;
    expect(all.map((r) => r.查询码)).toEqual(list.map((x: { trackingCode: string }) => x.trackingCode));
    expect(all.find((r) => r.查询码 === open.trackingCode)).toMatchObject({
      诉求人: '陈**',
      联系电话: '139****5678',
      办理状态: '已受理',
    });

    const dispatched = await exported(h(), 'office', '?status=dispatched');
    expect(dispatched.map((r) => r.查询码)).toEqual([secret.trackingCode]);
    expect(dispatched[0]).toMatchObject({ 承办单位: '办公室党支部', 诉求人: '陈**' });

    // The handling unit sees the demand but not a confidential complainant.
    const unit = await exported(h(), 'officer');
    expect(unit.map((r) => r.查询码)).toEqual([secret.trackingCode]);
    expect(unit[0]).toMatchObject({ 诉求人: '', 联系电话: '' });
  });

  it('offers a template with the columns an import reads', async () => {
    const res = await h().app.inject({
      method: 'GET',
      url: '/api/v1/exports/demands-template.xlsx',
      headers: { cookie: await h().cookie('officer') },
    });
    const { rows, missing } = await readSheet(res.rawPayload, ['诉求内容', '来源渠道', '诉求类别', '联系电话']);
    expect(missing).toEqual([]);
    expect(rows).toEqual([]);
  });
});

/** A 12345 office's own ledger: merged title, headers as it types them, handling columns an import does not read. */
const messyDemands = (rows: Cell[][]) =>
  workbookOf({
    name: '诉求台账',
    rows: [
      ['2026年11月群众诉求办理台账', null, null, null, null, null, null, null, null, null, null],
      [
        '序号',
        '受理\n时间',
        '来源渠道',
        '诉求类型',
        '诉求类别',
        '反映问题',
        '来电人',
        '联系电话',
        '事发地点',
        '承办单位',
        '办理状态',
      ],
      ...rows,
      ['合计', null, null, null, null, null, null, null, null, null, null],
    ],
    merges: ['A1:K1'],
  });

describeEachDb('demands: 群众诉求台账 import', (h) => {
  it('brings an office’s ledger in: every demand received anew (已受理), at the unit named, on the date written', async () => {
    const { fx, db } = h();
    const file = await messyDemands([
      [
        1,
        '2026-11-20 09:30',
        '12345热线',
        '投诉',
        '环境卫生',
        '楼道堆放杂物',
        '陈 小明',
        '139 1234 5678',
        '人民路 8 号',
        '机关党委',
        '已办结',
      ],
      [
        2,
        new Date(Date.UTC(2026, 10, 18)),
        '来信',
        null,
        'sanitation',
        '路灯不亮',
        null,
        null,
        '解放路口',
        null,
        '办理中',
      ],
    ]);
    const res = await importOneStep(h(), 'office', 'demands', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0 });
    const rows = await db
      .selectFrom('demands')
      .select(['description', 'status', 'channel', 'kind', 'intakeOrgId', 'receivedAt', 'phone', 'name'])
      .where('description', 'in', ['楼道堆放杂物', '路灯不亮'])
      .orderBy('description')
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({
        description: '楼道堆放杂物',
        status: 'received',
        channel: 'hotline',
        kind: 'complaint',
        intakeOrgId: fx.units.committee.id,
        receivedAt: '2026-11-20T01:30:00.000Z',
        phone: '13912345678',
        name: '陈小明',
      }),
      expect.objectContaining({ description: '路灯不亮', status: 'received', channel: 'letter', kind: 'help' }),
    ]);
    const audit = await db
      .selectFrom('auditEvents')
      .select('after')
      .where('entityType', '=', 'demand')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(JSON.stringify(audit)).not.toContain('13912345678');
  });

  it('reports every bad cell and writes nothing', async () => {
    const { db } = h();
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('demands')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const file = await messyDemands([
      [1, '2026-11-20', '微信', '投诉', '环境卫生', '噪音扰民', null, '123', null, null, null],
      [2, '明天', '12345热线', '求助', '不存在的类别', '井盖缺失', null, null, null, '不存在的单位', null],
      [3, '2099-01-01', '12345热线', '求助', '环境卫生', null, null, null, null, null, null],
    ]);
    const res = await importOneStep(h(), 'office', 'demands', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '3:来源渠道',
      '3:联系电话',
      '4:诉求类别',
      '4:受理时间',
      '4:承办单位',
      '5:反映问题',
      '5:受理时间',
    ]);
    expect(await count()).toBe(before);
    expect((await importOneStep(h(), 'member', 'demands', file)).statusCode).toBe(403);
  });
});
