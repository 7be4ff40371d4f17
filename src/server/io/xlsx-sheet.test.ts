import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet, renderSheet, type SheetSpec } from './xlsx-sheet.ts';
import { columnName, xmlText } from './xlsx-writer.ts';

interface Line {
  no: number;
  title: string;
  measure: string;
}

const spec: SheetSpec<Line> = {
  title: '检视问题整改落实台账',
  sheetName: '整改台账',
  columns: [
    { header: '序号', width: 6, value: (r) => r.no },
    { header: '问题描述', width: 30, value: (r) => r.title },
    { header: '整改措施', width: 30, value: (r) => r.measure },
  ],
  mergeBy: { key: (r) => r.no, columns: [0, 1] },
};

const lines: Line[] = [
  { no: 1, title: '学习形式单一 & <多样>', measure: '开展专题研讨' },
  { no: 1, title: '学习形式单一 & <多样>', measure: '组织现场教学\u0001' },
  { no: 2, title: '占道经营反弹', measure: '' },
];

async function* inBatches(rows: Line[]) {
  for (const row of rows) yield [row];
}

describe('xlsx sheets', () => {
  it('names columns as spreadsheets do and keeps XML text well-formed', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(xmlText('a&b<c>"d"\u0000\u001f\ttab')).toBe('a&amp;b&lt;c&gt;&quot;d&quot;\ttab');
  });

  it('renders a workbook Excel readers open: title, header, merged groups, widths, frozen header', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderSheet(spec, lines)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('整改台账');
    expect(ws.getCell('A1').value).toBe('检视问题整改落实台账');
    expect([1, 2, 3].map((c) => ws.getRow(2).getCell(c).value)).toEqual(['序号', '问题描述', '整改措施']);
    expect(ws.getCell('A4').isMerged && ws.getCell('A4').master.address).toBe('A3');
    expect(ws.getCell('B4').value).toBe('学习形式单一 & <多样>');
    expect(ws.getCell('C4').value).toBe('组织现场教学');
    expect(ws.getCell('A5').isMerged).toBe(false);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('reads back what it renders, rows from batches or an array alike, merged cells repeating their value', async () => {
    const headers = ['序号', '问题描述', '整改措施'];
    const fromArray = await readSheet(await renderSheet(spec, lines), headers);
    const fromBatches = await readSheet(await renderSheet(spec, inBatches(lines)), headers);
    expect(fromBatches).toEqual(fromArray);
    expect(fromArray.missing).toEqual([]);
    expect(fromArray.rows.map((r) => [r.row, r.cells['序号'].text, r.cells['问题描述'].text, r.cells['整改措施'].text])).toEqual([
      [3, '1', '学习形式单一 & <多样>', '开展专题研讨'],
      [4, '1', '学习形式单一 & <多样>', '组织现场教学'],
      [5, '2', '占道经营反弹', ''],
    ]);
  });

  it('reads files written by other tools: shared strings, real dates, merges, a header below a title', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('别的名字');
    ws.addRow(['某单位整改台账']);
    ws.addRow(['序号', '问题描述', '整改时限']);
    ws.addRow([1, '问题甲', new Date(Date.UTC(2026, 11, 1))]);
    ws.addRow([null, null, '2026-12-05']);
    ws.mergeCells('A3:A4');
    ws.mergeCells('B3:B4');
    const sheet = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()), ['序号', '问题描述', '整改时限']);
    expect(sheet.rows.map((r) => [r.cells['序号'].text, r.cells['问题描述'].text, r.cells['整改时限'].text, r.cells['整改时限'].date])).toEqual([
      ['1', '问题甲', '2026-12-01', '2026-12-01'],
      ['1', '问题甲', '2026-12-05', null],
    ]);
  });

  it('fails on bytes that are not a workbook', async () => {
    await expect(readSheet(Buffer.from('not a zip at all'), ['序号'])).rejects.toThrow();
  });
});
