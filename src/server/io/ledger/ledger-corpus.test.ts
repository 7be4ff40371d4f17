import { describe, expect, it } from 'vitest';
import { csvOf, gbk, TEMPLATE_HEADER, workbookOf, type Cell } from '../../testing/ledger-corpus.ts';
import { WorkbookUnreadable } from '../read-limits.ts';
import { readDeadline } from './deadline-text.ts';
import { detectLayout, layoutSignature } from './layout.ts';
import { toRecords } from './records.ts';
import { RECTIFICATION_FIELDS } from './rectification-fields.ts';
import type { LedgerCell, LedgerRecord, SheetLayout, SheetRecords } from './types.ts';
import { readLedgerFile } from './workbook.ts';

/** A record as the tests compare it: its first row, its record-level texts, one object of texts per row. */
interface Simple {
  row: number;
  measures: Array<Record<string, string>>;
  [field: string]: string | number | Array<Record<string, string>>;
}
type SheetRead =
  | { sheet: string; problem: string }
  | { sheet: string; layout: SheetLayout; skipped: SheetRecords['skipped']; records: Simple[]; raw: LedgerRecord[] };

const texts = (values: Record<string, LedgerCell>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.text]));
const simple = (r: LedgerRecord): Simple => ({
  ...texts(r.values),
  row: r.firstRow,
  measures: r.rows.map((x) => texts(x.values)),
});

/** Reads a file the way the import does: every sheet, its layout, its records. */
async function read(buffer: Buffer, fileName = '台账.xlsx', remembered?: Record<string, string | null>) {
  return (await readLedgerFile(buffer, fileName)).map((sheet): SheetRead => {
    const layout = detectLayout(sheet, RECTIFICATION_FIELDS, remembered);
    if ('problem' in layout) return { sheet: sheet.name, problem: layout.problem };
    const { records, skipped } = toRecords(sheet, layout, RECTIFICATION_FIELDS);
    return { sheet: sheet.name, layout, skipped, records: records.map(simple), raw: records };
  });
}

async function readOne(buffer: Buffer, fileName?: string, remembered?: Record<string, string | null>) {
  const [sheet, ...more] = await read(buffer, fileName, remembered);
  expect(more).toEqual([]);
  if (!('layout' in sheet)) throw new Error(`no layout: ${sheet.problem}`);
  return sheet;
}

const fieldsOf = (layout: SheetLayout) => layout.columns.map((c) => c.field);
const row = (...cells: Cell[]) => cells;

describe('reading offices’ own 整改台账', () => {
  it('1 · the template: one header row, every column mapped', async () => {
    const file = await workbookOf({
      name: '整改台账',
      rows: [
        TEMPLATE_HEADER,
        row(
          1,
          '学习不深入',
          '检视',
          '制定学习计划',
          '李明',
          '办公室',
          '王芳',
          '2023-12-31',
          '',
          '未完成',
          '学习',
          '立行立改',
          '学习流于形式',
        ),
      ],
    });
    const sheet = await readOne(file);
    expect(sheet.layout.headerRows).toEqual([1, 1]);
    expect(fieldsOf(sheet.layout)).toEqual(RECTIFICATION_FIELDS.map((f) => f.key));
    expect(sheet.records).toEqual([
      {
        row: 2,
        no: '1',
        title: '学习不深入',
        source: '检视',
        category: '学习',
        kind: '立行立改',
        description: '学习流于形式',
        measures: [
          {
            measure: '制定学习计划',
            leader: '李明',
            ownerOrg: '办公室',
            owner: '王芳',
            deadline: '2023-12-31',
            done: '未完成',
          },
        ],
      },
    ]);
  });

  it('2 · a merged title, a 填报单位 line and a date line, padded names, a blank row and a 合计 row', async () => {
    const file = await workbookOf({
      name: 'Sheet1',
      rows: [
        row('XX市城管局主题教育检视问题整改台账'),
        row('填报单位：市城管局办公室（盖章）      填报日期：2023年10月8日'),
        row('序号', '存在问题', '整改措施', '牵头单位', '具体责任人', '完成时限'),
        row(1, '　调研不够深入　', '开展蹲点调研', ' 市城管局 办公室 ', '王　芳', '12月底前'),
        row(),
        row(2, '服务意识不强', '开展作风整顿', '执法支队', '  李 明 ', '立行立改'),
        row('合计', '共2项'),
      ],
      merges: ['A1:F1', 'A2:F2'],
    });
    const sheet = await readOne(file);
    expect(sheet.layout.unitHint).toBe('市城管局办公室');
    expect(sheet.layout.headerRows).toEqual([3, 3]);
    expect(fieldsOf(sheet.layout)).toEqual(['no', 'title', 'measure', 'ownerOrg', 'owner', 'deadline']);
    expect(sheet.skipped).toEqual({ blank: 1, total: 1 });
    expect(sheet.records).toEqual([
      {
        row: 4,
        no: '1',
        title: '调研不够深入',
        measures: [{ measure: '开展蹲点调研', ownerOrg: '市城管局办公室', owner: '王芳', deadline: '12月底前' }],
      },
      {
        row: 6,
        no: '2',
        title: '服务意识不强',
        measures: [{ measure: '开展作风整顿', ownerOrg: '执法支队', owner: '李明', deadline: '立行立改' }],
      },
    ]);
  });

  it('3 · a two-row header: 责任 merged over 责任领导/责任单位/责任人, the others merged down', async () => {
    const file = await workbookOf({
      name: '台账',
      rows: [
        row('整改台账'),
        row('序号', '问题清单', '整改措施', '责任', null, null, '整改时限'),
        row(null, null, null, '责任领导', '责任单位', '责任人'),
        row(1, '问题一', '措施一', '张局长', '办公室', '王芳', '2023.12.31'),
      ],
      merges: ['A1:G1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:G3'],
    });
    const sheet = await readOne(file);
    expect(sheet.layout.headerRows).toEqual([2, 3]);
    expect(sheet.layout.columns.map((c) => [c.header, c.field])).toEqual([
      ['序号', 'no'],
      ['问题清单', 'title'],
      ['整改措施', 'measure'],
      ['责任/责任领导', 'leader'],
      ['责任/责任单位', 'ownerOrg'],
      ['责任/责任人', 'owner'],
      ['整改时限', 'deadline'],
    ]);
    expect(sheet.records).toEqual([
      {
        row: 4,
        no: '1',
        title: '问题一',
        measures: [{ measure: '措施一', leader: '张局长', ownerOrg: '办公室', owner: '王芳', deadline: '2023.12.31' }],
      },
    ]);
  });

  it('4 · headers broken by line breaks, with marks, notes, colons and synonyms', async () => {
    const file = await workbookOf({
      name: '清单',
      rows: [
        row(
          '序\n号',
          '问题\n表现',
          '*整改\r\n措施',
          '分管\n领导',
          '责任部门：',
          '责任人\n（签字）',
          '整改时限\n（年月日）',
          '※问题领域',
          '备注',
        ),
        row('一', '会议多', '精简会议', '赵　刚', '办公室', '钱　多', '2024年3月31日', '作风', '无'),
      ],
    });
    const sheet = await readOne(file);
    expect(fieldsOf(sheet.layout)).toEqual([
      'no',
      'title',
      'measure',
      'leader',
      'ownerOrg',
      'owner',
      'deadline',
      'category',
      null,
    ]);
    expect(sheet.records[0].measures[0]).toEqual({
      measure: '精简会议',
      leader: '赵刚',
      ownerOrg: '办公室',
      owner: '钱多',
      deadline: '2024年3月31日',
    });
  });

  it('5 · deadlines written as text, and Excel date cells, read against the campaign', async () => {
    const deadlines: Cell[] = [
      '2023年12月底前',
      '12月31日前',
      '一季度末',
      '立行立改',
      '长期坚持（2024年6月底前见阶段成效）',
      '见通知',
      new Date(Date.UTC(2023, 10, 30)),
    ];
    const file = await workbookOf({
      name: '时限',
      rows: [
        TEMPLATE_HEADER.slice(0, 8),
        ...deadlines.map((d, i) => row(i + 1, `问题${i + 1}`, '来源', '措施', '', '办公室', '', d)),
      ],
    });
    const sheet = await readOne(file);
    const campaign = { startDate: '2023-09-01', endDate: '2024-02-29' };
    const readings = sheet.raw.map((r) => {
      const cell = r.rows[0].values.deadline;
      return readDeadline(cell.text, cell.date, campaign);
    });
    expect(readings).toEqual([
      { kind: 'date', date: '2023-12-31' },
      { kind: 'date', date: '2023-12-31' },
      { kind: 'date', date: '2024-03-31' },
      { kind: 'immediate' },
      { kind: 'long_term', date: '2024-06-30' },
      { kind: 'unreadable', text: '见通知' },
      { kind: 'date', date: '2023-11-30' },
    ]);
  });

  it('6 · one problem over several rows: its cells merged, one measure a row, a unit merged over two', async () => {
    const file = await workbookOf({
      name: '台账',
      rows: [
        row('序号', '问题描述', '问题来源', '整改措施', '责任单位', '责任人', '整改时限'),
        row(1, '学风不正', '巡察反馈', '措施甲', '宣传部', '甲', '2023-11-30'),
        row(null, null, null, '措施乙', null, '乙', '2023-12-31'),
        row(null, null, null, '措施丙', '组织部', '丙', '长期坚持'),
        row(2, '文风不实', '自查', '措施丁', '办公室', '丁', '年底前'),
      ],
      merges: ['A2:A4', 'B2:B4', 'C2:C4', 'E2:E3'],
    });
    const sheet = await readOne(file);
    expect(sheet.records).toEqual([
      {
        row: 2,
        no: '1',
        title: '学风不正',
        source: '巡察反馈',
        measures: [
          { measure: '措施甲', ownerOrg: '宣传部', owner: '甲', deadline: '2023-11-30' },
          { measure: '措施乙', ownerOrg: '宣传部', owner: '乙', deadline: '2023-12-31' },
          { measure: '措施丙', ownerOrg: '组织部', owner: '丙', deadline: '长期坚持' },
        ],
      },
      {
        row: 5,
        no: '2',
        title: '文风不实',
        source: '自查',
        measures: [{ measure: '措施丁', ownerOrg: '办公室', owner: '丁', deadline: '年底前' }],
      },
    ]);
  });

  it('6b · a 问题来源 and a 责任单位 merged over several problems do not join them', async () => {
    const file = await workbookOf({
      name: '台账',
      rows: [
        row('序号', '问题描述', '问题来源', '整改措施', '责任单位', '整改时限'),
        row(1, '问题甲', '巡视反馈', '措施1', '甲', '2023-12-31'),
        row(2, '问题乙', null, '措施2', '乙', '2023-12-31'),
        row(3, '问题丙', null, '措施3', null, '2023-12-31'),
      ],
      merges: ['C2:C4', 'E3:E4'],
    });
    const sheet = await readOne(file);
    expect(sheet.records.map((r) => [r.no, r.title, r.source, r.measures.map((m) => m.ownerOrg)])).toEqual([
      ['1', '问题甲', '巡视反馈', ['甲']],
      ['2', '问题乙', '巡视反馈', ['乙']],
      ['3', '问题丙', '巡视反馈', ['乙']],
    ]);
  });

  it('7 · one problem over several rows with no merges: 序号 and 问题 left empty on the rows that continue it', async () => {
    const file = await workbookOf({
      name: '台账',
      rows: [
        row('序号', '主要问题', '整改措施', '责任单位', '整改期限'),
        row('1', '问题一', '措施1', '甲单位', '2023-10-31'),
        row(null, null, '措施2', '乙单位', '2023-11-30'),
        row('2', '问题二', '措施3', '丙单位', '2023-12-31'),
        row('2', '问题二', '措施4', '丙单位', '2023-12-31'), // the 序号 and problem repeated: still the same one
      ],
    });
    const sheet = await readOne(file);
    expect(sheet.records.map((r) => [r.row, r.title, r.measures.map((m) => m.measure)])).toEqual([
      [2, '问题一', ['措施1', '措施2']],
      [4, '问题二', ['措施3', '措施4']],
    ]);
  });

  it('8 · several sheets, each one unit’s ledger (empty and hidden tabs left out), the same layout signed alike', async () => {
    const unitSheet = (unit: string, problem: string) => ({
      name: unit,
      rows: [
        row(`${unit}整改台账`),
        row(...(unit === '卫健委' ? ['填报单位（盖章）：', unit] : [`填报单位：${unit}`])),
        row('序号', '问题描述', '整改措施', '责任单位', '整改时限'),
        row(1, problem, '措施', unit, '2023-12-31'),
      ],
      merges: ['A1:E1'],
    });
    const file = await workbookOf(
      unitSheet('教育局', '问题甲'),
      unitSheet('卫健委', '问题乙'),
      { name: 'Sheet3', rows: [] },
      { name: '下拉选项', rows: [row('序号', '问题描述', '整改措施'), row('巡视', '巡察', '审计')], hidden: true },
    );
    const sheets = await read(file);
    expect(
      sheets.map((s) => [s.sheet, 'layout' in s && s.layout.unitHint, 'records' in s && s.records[0].title]),
    ).toEqual([
      ['教育局', '教育局', '问题甲'],
      ['卫健委', '卫健委', '问题乙'],
    ]);
    const [a, b] = sheets.map((s) => ('layout' in s ? layoutSignature(s.layout) : ''));
    expect(a).toBe(b);
  });

  it('9 · totals, subtotals, a column-number row and the signature lines under the table', async () => {
    const file = await workbookOf({
      name: '台账',
      rows: [
        row('序号', '问题描述', '整改措施', '责任单位', '整改时限'),
        row(1, 2, 3, 4, 5),
        row(1, '问题一', '措施', '甲', '2023-12-31'),
        row('小计', null, '1项'),
        row(2, '问题二', '措施', '乙', '2023-12-31'),
        row('总  计'),
        row('共2项'),
        row('序号', '问题描述', '整改措施', '责任单位', '整改时限'), // the header again, as printed on each page
        row(null, '共计：2个问题'),
        row('填表人：王芳    审核人：李明'),
      ],
    });
    const sheet = await readOne(file);
    expect(sheet.layout.headerRows).toEqual([1, 2]);
    expect(sheet.records.map((r) => r.title)).toEqual(['问题一', '问题二']);
    expect(sheet.skipped).toEqual({ blank: 1, total: 4 });
  });

  it('9b · section headings over the problems (merged across, or an ordinal in the first column) are no records', async () => {
    const file = await workbookOf({
      name: '台账',
      rows: [
        row('序号', '问题描述', '问题来源', '整改措施', '责任单位', '整改时限'),
        row('一、理论学习方面（2项）'),
        row(1, '学用脱节', '自查', '措施1', '甲', '年底前'),
        row(2, '学习不深', '自查', '措施2', '乙', '年底前'),
        row('（二）作风方面'),
        row(3, '文山会海', '巡视', '措施3', '丙', '年底前'),
      ],
      merges: ['A2:F2', 'B3:C3'],
    });
    const sheet = await readOne(file);
    expect(sheet.raw.map((r) => [r.section, r.values.title.text, r.values.source?.text])).toEqual([
      ['一、理论学习方面（2项）', '学用脱节', undefined], // merged over B:C: the value is 问题描述's alone
      ['一、理论学习方面（2项）', '学习不深', '自查'],
      ['（二）作风方面', '文山会海', '巡视'],
    ]);
    expect(sheet.skipped).toEqual({ blank: 0, total: 0 });
  });

  it('10 · a GBK CSV saved by Excel on Chinese Windows', async () => {
    const csv = csvOf([
      ['序号', '问题描述', '整改措施', '责任单位', '责任人', '整改时限'],
      [1, '群众办事难', '推行一窗受理', '政务服务中心', '王　芳', '2023年12月底前'],
    ]);
    const sheet = await readOne(gbk(csv), '整改台账.csv');
    expect(sheet.sheet).toBe('整改台账');
    expect(sheet.records).toEqual([
      {
        row: 2,
        no: '1',
        title: '群众办事难',
        measures: [{ measure: '推行一窗受理', ownerOrg: '政务服务中心', owner: '王芳', deadline: '2023年12月底前' }],
      },
    ]);
  });

  it('11 · a UTF-8 CSV with a BOM, quoted cells holding commas, quotes and line breaks, a blank line', async () => {
    const csv = csvOf([
      ['台账'],
      ['序号', '问题描述', '整改措施', '责任单位', '整改时限'],
      [1, '会议多，文件多', '一是精简会议；\n二是压减文件', '办公室', '立行立改'],
      [],
      [2, '说"套话"', '改文风', '研究室', '2024/1/31'],
    ]);
    const sheet = await readOne(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'x.csv');
    expect(sheet.layout.headerRows).toEqual([2, 2]);
    expect(sheet.skipped.blank).toBe(1);
    expect(sheet.records.map((r) => [r.row, r.title, r.measures[0].measure])).toEqual([
      [3, '会议多，文件多', '一是精简会议；\n二是压减文件'],
      [5, '说"套话"', '改文风'],
    ]);
  });

  it('12 · a mapping remembered from an earlier upload wins: a column taken for a field, one ignored', async () => {
    const file = await workbookOf({
      name: '台账',
      rows: [
        row('序号', '问题描述', '工作举措', '责任单位', '整改时限', '问题来源'),
        row(1, '问题', '举措', '甲', '2023-12-31', '巡视'),
      ],
    });
    const auto = await readOne(file);
    expect(fieldsOf(auto.layout)).toEqual(['no', 'title', null, 'ownerOrg', 'deadline', 'source']);
    const chosen = await readOne(file, undefined, { 工作举措: 'measure', 问题来源: null });
    expect(fieldsOf(chosen.layout)).toEqual(['no', 'title', 'measure', 'ownerOrg', 'deadline', null]);
    expect(chosen.records[0]).toEqual({
      row: 2,
      no: '1',
      title: '问题',
      measures: [{ measure: '举措', ownerOrg: '甲', deadline: '2023-12-31' }],
    });
  });

  it('13 · a sheet with no header says so, in Chinese', async () => {
    const [sheet] = await read(await workbookOf({ name: '说明', rows: [row('本表为填报说明'), row('请按模板填写')] }));
    expect(sheet).toEqual({ sheet: '说明', problem: expect.stringMatching(/没有找到表头.*“问题描述”/) });
  });
});

describe('files that are no .xlsx', () => {
  const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
  it.each([
    ['an .xls (OLE2)', ole2, '台账.xls', /旧版 Excel（\.xls）.*另存为.*\.xlsx/],
    ['an OLE2 file named .xlsx', ole2, '台账.xlsx', /另存为.*\.xlsx/],
    ['a WPS .et', ole2, '台账.et', /WPS 表格（\.et）/],
    ['an .xlsb', null, '台账.xlsb', /\.xlsb 格式.*另存为/],
    ['an .ods', null, '台账.ods', /\.ods 格式.*另存为/],
    ['a PDF', Buffer.from('%PDF-1.7 …'), '台账.pdf', /不是 Excel 工作簿/],
    ['a .docx (a zip without a workbook)', null, '台账.xlsx', /不是 Excel 工作簿/],
    ['a binary file named .csv', Buffer.from([0x00, 0x01, 0x02, 0x00]), 'x.csv', /CSV/],
  ])('refuses %s with a message saying what to do', async (_, bytes, name, message) => {
    const file = bytes ?? (await docxLike());
    const read = readLedgerFile(file, name);
    await expect(read).rejects.toBeInstanceOf(WorkbookUnreadable);
    await expect(read).rejects.toThrow(message);
  });
});

/** A zip holding no xl/workbook.xml. */
async function docxLike(): Promise<Buffer> {
  const { zipSync } = await import('fflate');
  return Buffer.from(zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') }));
}
