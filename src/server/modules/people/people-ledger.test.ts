import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { readSheet } from '../../io/xlsx-sheet.ts';
import { workbookOf, type Cell } from '../../testing/ledger-corpus.ts';
import { confirmed, importOneStep, previewOf, settled } from '../../testing/ledger-import.ts';

const COLUMNS = ['序号', '姓名', '所在单位', '职务', '政治面貌', '联系电话'];

async function download(h: Harness, who: string, url: string) {
  const res = await h.app.inject({ method: 'GET', url, headers: { cookie: await h.cookie(who) } });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

describeEachDb('people: 人员名册 export and template', (h) => {
  it('exports the roster on screen: the list’s filters and scope, named in the title row', async () => {
    const { call, fx } = h();
    await call('office', 'PATCH', `/api/v1/people/${fx.people.memberA}`, { version: 1, isPartyMember: false });
    const query = `orgId=${fx.units.committee.id}&isPartyMember=true`;
    const res = await download(h(), 'office', `/api/v1/exports/people.xlsx?${query}`);
    const { rows, missing } = await readSheet(res.rawPayload, COLUMNS);
    expect(missing).toEqual([]);
    const list = (await call('office', 'GET', `/api/v1/people?${query}&pageSize=200`)).json().items;
    expect(rows.map((r) => `${r.cells.姓名.text}/${r.cells.所在单位.text}`)).toEqual(
      list.map((p: { name: string; orgName: string }) => `${p.name}/${p.orgName}`),
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.cells.政治面貌.text === '中共党员')).toBe(true);
    expect(rows.map((r) => r.cells.姓名.text)).not.toContain('孙晓雨');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell('A1').text).toBe('人员名册（筛选：机关党委（含下级）；中共党员）');

    const mine = await readSheet((await download(h(), 'member', '/api/v1/exports/people.xlsx')).rawPayload, COLUMNS);
    expect(mine.rows.map((r) => r.cells.姓名.text)).toEqual(['孙晓雨']);
    const hidden = await call('officer', 'GET', `/api/v1/exports/people.xlsx?orgId=${fx.units.branchB.id}`);
    expect(hidden.statusCode).toBe(404);
  });

  it('offers a template whose headers are the fields an import maps first', async () => {
    const res = await download(h(), 'officer', '/api/v1/exports/people-template.xlsx');
    const { rows, missing } = await readSheet(res.rawPayload, ['姓名', '所在单位', '政治面貌', '联系电话', '性别']);
    expect(missing).toEqual([]);
    expect(rows).toEqual([]);
  });
});

/** A roster as branches keep it: merged title, 填报单位 line, headers as they type them, padded names, a blank row. */
const messyRoster = (rows: Cell[][]) =>
  workbookOf({
    name: '花名册',
    rows: [
      ['机关党委党员花名册', null, null, null, null, null, null],
      ['填报单位：机关党委', null, null, null, '填报日期：2026年11月20日', null, null],
      ['序号', '姓 名', '性别', '所在支部', '职务', '政治\n面貌', '手机号码'],
      ...rows,
      [],
      ['合计', '共3人', null, null, null, null, null],
    ],
    merges: ['A1:G1'],
  });

describeEachDb('people: 人员名册 import', (h) => {
  const roster = async (orgId: number) =>
    (await h().call('office', 'GET', `/api/v1/people?orgId=${orgId}&subtree=false&pageSize=200`)).json()
      .items as Array<{
      name: string;
      phone: string | null;
      isPartyMember: boolean;
      gender: string | null;
    }>;

  it('reads a messy roster: new people added, people on file updated by name and unit, unchanged ones left', async () => {
    const { fx } = h();
    const file = await messyRoster([
      [1, '冯　晓东', '男', '办公室党支部', '科员', '中共预备党员', '139 1234 5678'],
      [2, '孙晓雨', '女', '办公室党支部', '科员', '中共党员', '13800001111'],
      [3, '钱多多', null, '办公室党支部', '科员', '中共党员', null],
      [4, '陈思远', '男', '市容科党支部', '干事', '群众', null],
    ]);
    const res = await importOneStep(h(), 'office', 'people', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 1 });
    const a = await roster(fx.units.branchA.id);
    expect(a.find((p) => p.name === '冯晓东')).toMatchObject({
      isPartyMember: true,
      phone: '13912345678',
      gender: 'male',
    });
    expect(a.find((p) => p.name === '孙晓雨')).toMatchObject({ phone: '13800001111', gender: 'female' });
    expect(a.filter((p) => p.name === '孙晓雨')).toHaveLength(1);
    expect((await roster(fx.units.branchB.id)).find((p) => p.name === '陈思远')).toMatchObject({
      isPartyMember: false,
    });
    const audit = await h()
      .db.selectFrom('auditEvents')
      .select(['action', 'entityLabel'])
      .where('entityType', '=', 'person')
      .where('entityLabel', 'in', ['冯晓东', '孙晓雨', '陈思远'])
      .execute();
    expect(audit.map((x) => `${x.action}:${x.entityLabel}`).sort()).toEqual(
      ['create:冯晓东', 'create:陈思远', 'update:孙晓雨'].sort(),
    );
  });

  it('reports every bad cell — phone, 政治面貌, unknown unit, a duplicate in the file — and writes nothing', async () => {
    const { fx } = h();
    const before = (await roster(fx.units.branchA.id)).length;
    const file = await messyRoster([
      [1, '韩梅', '女', '办公室党支部', '科员', '中共党员', '12345'],
      [2, '李雷', '男', '办公室党支部', '科员', '党外', null],
      [3, '王小明', '男', '不存在的支部', '科员', '群众', null],
      [4, '韩梅', '女', '办公室党支部', '科员', '中共党员', null],
      [5, '赵小东', '男', '办公室党支部', '科员', null, null],
    ]);
    const res = await importOneStep(h(), 'office', 'people', file);
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as Array<{ row: number; column: string; message: string }>;
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '4:手机号码',
      '5:政治面貌',
      '6:所在支部',
      '7:姓名',
      '8:政治面貌',
    ]);
    expect(errors[3].message).toContain('与第 4 行重复');
    expect((await roster(fx.units.branchA.id)).length).toBe(before);
  });

  it('keeps to the caller’s scope: an officer cannot add to another branch’s roster', async () => {
    const file = await messyRoster([[1, '周末', '男', '市容科党支部', '科员', '群众', null]]);
    const res = await importOneStep(h(), 'officer', 'people', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ row: 4, column: '所在支部' });
    expect((await importOneStep(h(), 'member', 'people', file)).statusCode).toBe(403);
  });

  it('asks which unit is meant when two units in scope share the name, then writes the pick', async () => {
    const { fx, call } = h();
    const twin = await call('office', 'POST', '/api/v1/orgs', {
      parentId: fx.units.brigade.id,
      name: '办公室党支部',
      type: 'branch',
    });
    expect(twin.statusCode, twin.body).toBe(201);
    const file = await messyRoster([[1, '林一', '男', '办公室党支部', '科员', '群众', null]]);
    const direct = await importOneStep(h(), 'office', 'people', file);
    expect(direct.statusCode).toBe(422);
    expect(direct.json().errors[0]).toMatchObject({ row: 4, column: '所在支部' });

    const preview = await previewOf(h(), 'office', 'people', file);
    // An open ambiguity holds the preview back until it is resolved.
    expect(preview.status).toBe('invalid');
    expect(preview.ambiguities).toEqual([
      {
        field: 'org',
        column: '所在支部',
        text: '办公室党支部',
        rows: [4],
        candidates: expect.arrayContaining([
          { id: fx.units.branchA.id, label: '办公室党支部（机关党委）' },
          { id: twin.json().id, label: '办公室党支部（执法支队党总支）' },
        ]),
      },
    ]);
    const patched = await call('office', 'PATCH', `/api/v1/imports/previews/${preview.id}`, {
      resolutions: [{ field: 'org', text: '办公室党支部', id: twin.json().id }],
    });
    expect(patched.statusCode, patched.body).toBe(202);
    const ready = await settled(h(), 'office', preview.id);
    expect(ready).toMatchObject({ status: 'ready', ambiguities: [], errorCount: 0 });
    const done = await confirmed(h(), 'office', preview.id);
    expect(done).toMatchObject({ status: 'done', result: { created: 1, updated: 0 } });
    expect((await roster(twin.json().id)).map((p) => p.name)).toEqual(['林一']);
  });
});
