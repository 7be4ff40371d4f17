import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { readSheet } from '../../io/xlsx-sheet.ts';

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
