import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { multipart } from '../../testing/multipart.ts';
import { addDays, today } from '../../clock.ts';

async function sheetRows(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  // Array.from: a blank cell may be a hole in row.values (nothing stored) rather than an empty string.
  ws.eachRow({ includeEmpty: false }, (row) =>
    rows.push(
      Array.from(row.values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return rows;
}

async function importFile(h: Harness, campaignId: number, buffer: Buffer) {
  const body = multipart({ name: '整改台账.xlsx', content: buffer }, { campaignId: String(campaignId) });
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/imports/rectification',
    payload: body.payload,
    headers: { ...body.headers, cookie: await h.cookie('office') },
  });
}

const exportOf = async (h: Harness, campaignId: number, filters = '') =>
  (
    await h.app.inject({
      method: 'GET',
      url: `/api/v1/exports/rectification.xlsx?campaignId=${campaignId}${filters}`,
      headers: { cookie: await h.cookie('office') },
    })
  ).rawPayload;

describeEachDb('#ledgers (整改台账 xlsx)', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    const { call, fx, db } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    const deadline = addDays(today(), 10);
    const a = await call('office', 'POST', '/api/v1/problems', {
      campaignId,
      orgId: fx.units.branchA.id,
      title: '学习形式单一',
      description: '以读文件为主',
      source: 'collective',
      category: '理论学习',
      kind: 'immediate',
      measures: [
        {
          content: '开展专题研讨',
          ownerId: fx.people.memberA,
          leaderId: fx.people.leader,
          ownerOrgId: fx.units.branchA.id,
          deadline,
        },
        {
          content: '组织现场教学',
          ownerId: fx.people.officerA,
          ownerOrgId: fx.units.branchA.id,
          deadline: addDays(deadline, 5),
        },
      ],
    });
    expect(a.statusCode, a.body).toBe(201);
    const b = await call('office', 'POST', '/api/v1/problems', {
      campaignId,
      orgId: fx.units.branchB.id,
      title: '占道经营反弹',
      source: 'public_report',
      kind: 'long_term',
      measures: [{ content: '网格包保', ownerOrgId: fx.units.branchB.id, deadline }],
    });
    expect(b.statusCode).toBe(201);
    await call('office', 'POST', `/api/v1/problems/${a.json().id}/measures/${a.json().measures[0].id}/progress`, {
      date: today(),
      note: '已开展一次研讨',
    });
  });

  it('exports the 整改台账 in the customary columns with a title and one row per measure', async () => {
    const rows = await sheetRows(await exportOf(h(), campaignId));
    expect(rows[0][0]).toBe('检视问题整改落实台账');
    expect(rows[1].slice(0, 10)).toEqual([
      '序号',
      '问题描述',
      '问题来源',
      '整改措施',
      '责任领导',
      '责任单位',
      '责任人',
      '整改时限',
      '整改进展',
      '完成情况',
    ]);
    expect(rows[1].slice(13)).toEqual(['状态', '红黄绿蓝', '销号日期']);
    expect(rows.slice(2).map((r) => [r[0], r[3], r[8], r[13], r[14], r[15] ?? ''])).toEqual([
      ['1', '开展专题研讨', '已开展一次研讨', '待审核', '正常推进', ''],
      ['1', '组织现场教学', '', '待审核', '正常推进', ''],
      ['2', '网格包保', '', '待审核', '长期坚持', ''],
    ]);
  });

  it('exports exactly the list the user is looking at, and names its filters in the title row', async () => {
    const list = await h().call('office', 'GET', `/api/v1/problems?campaignId=${campaignId}&kind=long_term`);
    expect(list.json().total).toBe(1);
    const rows = await sheetRows(await exportOf(h(), campaignId, '&kind=long_term'));
    expect(rows[0][0]).toBe('检视问题整改落实台账（筛选：类型：长期坚持）');
    expect(rows.slice(2).map((r) => r[1])).toEqual(['占道经营反弹']);

    const overdue = await sheetRows(await exportOf(h(), campaignId, `&overdue=true&orgId=${h().fx.units.branchA.id}`));
    expect(overdue[0][0]).toBe('检视问题整改落实台账（筛选：办公室党支部（含下级）；只看逾期）');
    expect(overdue.slice(2)).toEqual([]);
  });

  it('refuses an export filter the list would refuse, naming the field', async () => {
    const res = await h().app.inject({
      method: 'GET',
      url: `/api/v1/exports/rectification.xlsx?campaignId=${campaignId}&status=nonsense`,
      headers: { cookie: await h().cookie('office') },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('状态');
  });

  it('round-trips: an exported ledger imported into another campaign exports unchanged', async () => {
    const { db, fx } = h();
    const first = await exportOf(h(), campaignId);
    const other = await fixtureCampaign(db, fx.units.root.id);
    const res = await importFile(h(), other, first);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0 });
    // The customary columns come back as written; where each problem stands (状态…) starts afresh.
    const customary = async (b: Buffer) => (await sheetRows(b)).slice(1).map((r) => r.slice(0, 13));
    expect(await customary(await exportOf(h(), other))).toEqual(await customary(first));
  });

  it('rejects a file with bad cells, listing each one, and writes nothing', async () => {
    const { db } = h();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('整改台账');
    ws.addRow([
      '序号',
      '问题描述',
      '问题来源',
      '整改措施',
      '责任领导',
      '责任单位',
      '责任人',
      '整改时限',
      '整改进展',
      '完成情况',
    ]);
    ws.addRow([1, '好的一行', '自己找', '措施', '', '办公室党支部', '', '2030-01-01', '', '未完成']);
    ws.addRow(['x', '', '路边听说', '措施', '无此人', '不存在的科室', '', '明天', '', '差不多']);
    const before = Number(
      (
        await db
          .selectFrom('problems')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const res = await importFile(h(), campaignId, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_rejected');
    expect(res.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '3:序号',
      '3:问题描述',
      '3:问题来源',
      '3:责任单位',
      '3:责任领导',
      '3:整改时限',
      '3:完成情况',
    ]);
    expect(res.json().errors.find((e: { column: string }) => e.column === '责任单位').message).toContain(
      '不存在的科室',
    );
    const after = Number(
      (
        await db
          .selectFrom('problems')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
  });

  it('matches units only inside the importer’s scope', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('整改台账');
    ws.addRow([
      '序号',
      '问题描述',
      '问题来源',
      '整改措施',
      '责任领导',
      '责任单位',
      '责任人',
      '整改时限',
      '整改进展',
      '完成情况',
    ]);
    ws.addRow([1, '越权导入', '自己找', '措施', '', '市容科党支部', '', '2030-01-01', '', '']);
    const body = multipart(
      { name: 'x.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) },
      { campaignId: String(campaignId) },
    );
    const res = await h().app.inject({
      method: 'POST',
      url: '/api/v1/imports/rectification',
      payload: body.payload,
      headers: { ...body.headers, cookie: await h().cookie('officer') },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ row: 2, column: '责任单位' });
  });
});
