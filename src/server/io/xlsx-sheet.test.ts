import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
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

async function* inBatches<Row>(rows: Row[], size = 1) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Each data row as its cells' texts, and the dates read from date cells, by header. */
function texts(sheet: Awaited<ReturnType<typeof readSheet>>, headers: string[]) {
  return sheet.rows.map((r) => headers.map((h) => r.cells[h].text));
}
function dates(sheet: Awaited<ReturnType<typeof readSheet>>, header: string) {
  return sheet.rows.map((r) => r.cells[header].date);
}

const OTHER_HEADERS = ['序号', '问题描述', '整改措施', '整改时限', '已完成', '得分'];

/**
 * The same small ledger as exceljs writes it: a title merged across the header, a rich-text cell, dates in a
 * custom Chinese format and in exceljs's default one, booleans, formulas with cached results, merged cells.
 */
function fillOtherLedger(ws: ExcelJS.Worksheet) {
  ws.addRow(['某单位整改台账']);
  ws.addRow(OTHER_HEADERS);
  ws.addRow([
    1,
    { richText: [{ text: '学习', font: { bold: true } }, { text: '形式单一' }] },
    '措施甲',
    new Date(Date.UTC(2026, 11, 1)),
    true,
    { formula: '1+1', result: 2 },
  ]);
  ws.getCell('D3').numFmt = 'yyyy"年"m"月"d"日"';
  ws.addRow([null, null, '措施乙', new Date(Date.UTC(2026, 11, 5)), false, 3.5]);
  ws.addRow([2, ' 前后有空格 ', 'a & <b>', 45000, null, { formula: 'C5', result: '公式文本' }]);
  ws.mergeCells('A1:F1');
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
}

const OTHER_TEXTS = [
  ['1', '学习形式单一', '措施甲', '2026-12-01', 'TRUE', '2'],
  ['1', '学习形式单一', '措施乙', '2026-12-05', 'FALSE', '3.5'],
  ['2', '前后有空格', 'a & <b>', '45000', '', '公式文本'],
];

/** A package of parts as given, each entry deflated unless listed as stored. */
function pack(parts: Record<string, string>, stored: string[] = []): Buffer {
  return Buffer.from(
    zipSync(
      Object.fromEntries(
        Object.entries(parts).map(([name, xml]) => [name, [strToU8(xml), { level: stored.includes(name) ? 0 : 6 }]]),
      ),
    ),
  );
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (targets: Record<string, [string, string]>) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Object.entries(
    targets,
  )
    .map(([id, [type, target]]) => `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

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
    expect(fromArray.rows.map((r) => [r.row, r.cells.序号.text, r.cells.问题描述.text, r.cells.整改措施.text])).toEqual(
      [
        [3, '1', '学习形式单一 & <多样>', '开展专题研讨'],
        [4, '1', '学习形式单一 & <多样>', '组织现场教学'],
        [5, '2', '占道经营反弹', ''],
      ],
    );
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
    expect(
      sheet.rows.map((r) => [r.cells.序号.text, r.cells.问题描述.text, r.cells.整改时限.text, r.cells.整改时限.date]),
    ).toEqual([
      ['1', '问题甲', '2026-12-01', '2026-12-01'],
      ['1', '问题甲', '2026-12-05', null],
    ]);
  });

  it('reads a workbook exceljs writes with shared strings: rich text joined, date formats, booleans, formula results, merges', async () => {
    const wb = new ExcelJS.Workbook();
    fillOtherLedger(wb.addWorksheet('别的名字'));
    const sheet = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()), OTHER_HEADERS);
    expect(sheet.missing).toEqual([]);
    expect(texts(sheet, OTHER_HEADERS)).toEqual(OTHER_TEXTS);
    expect(dates(sheet, '整改时限')).toEqual(['2026-12-01', '2026-12-05', null]);
    expect(sheet.rows.map((r) => r.row)).toEqual([3, 4, 5]);
  });

  it('reads a workbook exceljs streams with inline strings (its archiver writes a data descriptor after every entry)', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tz-xlsx-')), 'inline.xlsx');
    try {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
      fillOtherLedger(wb.addWorksheet('别的名字') as unknown as ExcelJS.Worksheet);
      await wb.commit();
      const bytes = fs.readFileSync(file);
      expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'])).toContain('t="inlineStr"><is><r>');
      const sheet = await readSheet(bytes, OTHER_HEADERS);
      expect(texts(sheet, OTHER_HEADERS)).toEqual(OTHER_TEXTS);
      expect(dates(sheet, '整改时限')).toEqual(['2026-12-01', '2026-12-05', null]);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('reads SpreadsheetML with namespace prefixes, phonetic guides, the 1904 date system, stored entries and cells without references', async () => {
    const x = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${body}`;
    const file = pack(
      {
        'xl/workbook.xml': x(
          `<x:workbook xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="台账" sheetId="1" r:id="rId3"/><x:sheet name="其他" sheetId="2" r:id="rId1"/></x:sheets></x:workbook>`,
        ),
        'xl/_rels/workbook.xml.rels': rels({
          rId1: ['worksheet', 'worksheets/other.xml'],
          rId3: ['worksheet', '/xl/worksheets/ledger.xml'],
          rId4: ['sharedStrings', 'strings.xml'],
          rId5: ['styles', 'styles.xml'],
        }),
        'xl/strings.xml': x(
          `<x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>序号</x:t></x:si><x:si><x:t>问题描述</x:t></x:si><x:si><x:t>整改时限</x:t></x:si><x:si><x:t>备注</x:t></x:si>` +
            '<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>整改</x:t></x:r><x:r><x:t>措施</x:t></x:r><x:rPh sb="0" eb="2"><x:t>ゼイカイ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>' +
            '<x:si><x:t>第一行_x000D_第二行 &#x4E00;_x005F_x0041_</x:t></x:si></x:sst>',
        ),
        'xl/styles.xml': x(
          `<x:styleSheet xmlns:x="${MAIN_NS}"><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="0.00&quot;d&quot;"/><x:numFmt numFmtId="165" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/></x:numFmts>` +
            '<x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>' +
            '<x:cellXfs count="5"><x:xf numFmtId="0"/><x:xf numFmtId="14" applyNumberFormat="1"/><x:xf numFmtId="31"/><x:xf numFmtId="164"/><x:xf numFmtId="165"/></x:cellXfs></x:styleSheet>',
        ),
        'xl/worksheets/other.xml': x(
          `<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>别的表</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
        ),
        'xl/worksheets/ledger.xml': x(
          `<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>` +
            '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="s"><x:v>2</x:v></x:c><x:c r="D2" t="s"><x:v>3</x:v></x:c></x:row>\r\n' +
            '<x:row><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>4</x:v></x:c><x:c s="1"><x:v>1000</x:v></x:c><x:c s="3"><x:v>3.5</x:v></x:c></x:row>' +
            '<x:row r="4"><x:c r="A4"><x:v>2</x:v></x:c><x:c r="B4" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">  行内 </x:t></x:r><x:r><x:t><![CDATA[文本<1>]]></x:t></x:r><x:rPh><x:t>ぎょう</x:t></x:rPh></x:is></x:c>' +
            '<x:c r="C4" t="d"><x:v>2026-03-05T00:00:00</x:v></x:c><x:c r="D4" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c></x:row>' +
            '<x:row r="5"><x:c r="A5"><x:v>3</x:v></x:c><x:c r="B5" t="str"><x:f>D2</x:f><x:v>a &amp; b</x:v></x:c><x:c r="C5" s="4"><x:v>45000.5</x:v></x:c><x:c r="D5" t="s"><x:v>5</x:v></x:c></x:row>' +
            '<x:row r="6"><x:c r="B6" s="2"><x:v>366</x:v></x:c><x:c r="C6"/><x:c r="D6" t="b"><x:v>1</x:v></x:c></x:row>' +
            '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A5:A6"/></x:mergeCells></x:worksheet>',
        ),
      },
      ['xl/worksheets/ledger.xml'],
    );
    const sheet = await readSheet(file, ['序号', '问题描述', '整改时限', '备注']);
    expect(sheet.missing).toEqual([]);
    expect(
      sheet.rows.map((r) => [
        r.row,
        r.cells.序号.text,
        r.cells.问题描述.text,
        r.cells.整改时限.text,
        r.cells.整改时限.date,
        r.cells.备注.text,
      ]),
    ).toEqual([
      [3, '1', '整改措施', '1906-09-27', '1906-09-27', '3.5'],
      [4, '2', '行内 文本<1>', '2026-03-05', '2026-03-05', '#DIV/0!'],
      [5, '3', 'a & b', '2027-03-16', '2027-03-16', '第一行\r第二行 一_x0041_'],
      [6, '3', '1905-01-01', '', null, 'TRUE'],
    ]);
    expect(sheet.rows[3].cells.问题描述.date).toBe('1905-01-01');
  });

  it('reads the right sheet when an embedded workbook before it would mislead a streaming unzip', async () => {
    // An embedded workbook stored as is, with a data descriptor: its own local headers sit in the outer
    // archive's data, and one of them names xl/worksheets/sheet1.xml too.
    const embedded = zipSync({
      'xl/worksheets/sheet1.xml': strToU8(
        `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>嵌入的表</t></is></c></row></sheetData></worksheet>`,
      ),
    });
    const real = await renderSheet(spec, lines);
    const pieces: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      pieces.push(chunk);
    });
    const add = (entry: ZipPassThrough | ZipDeflate, bytes: Uint8Array) => {
      zip.add(entry);
      entry.push(bytes, true);
    };
    const parts = unzipSync(real);
    for (const [name, bytes] of Object.entries(parts))
      if (name !== 'xl/worksheets/sheet1.xml') add(new ZipDeflate(name), bytes);
    add(new ZipPassThrough('xl/embeddings/Microsoft_Excel_Worksheet.xlsx'), embedded);
    add(new ZipDeflate('xl/worksheets/sheet1.xml'), parts['xl/worksheets/sheet1.xml']);
    zip.end();
    const file = Buffer.concat(pieces);
    const headers = ['序号', '问题描述', '整改措施'];
    expect(await readSheet(file, headers)).toEqual(await readSheet(real, headers));
  });

  it('round-trips a ledger of thousands of rows in batches, and exceljs opens it', async () => {
    const many: Line[] = Array.from({ length: 6_000 }, (_, i) => {
      const no = Math.floor(i / 3) + 1; // three measures per problem: 序号 and 问题描述 merge over them
      return { no, title: `问题${no}：${'形式主义'.repeat(no % 7)}`, measure: `措施 ${i} ${(i * 7919) % 10007}` };
    });
    const file = await renderSheet(spec, inBatches(many, 500));
    const sheet = await readSheet(file, ['序号', '问题描述', '整改措施']);
    expect(sheet.rows).toHaveLength(many.length);
    expect(texts(sheet, ['序号', '问题描述', '整改措施'])).toEqual(many.map((l) => [String(l.no), l.title, l.measure]));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(many.length + 2);
    expect(ws.getCell(`C${many.length + 2}`).value).toBe(many[many.length - 1].measure);
    expect(ws.getCell('B4').isMerged && ws.getCell('B5').master.address).toBe('B3');
    expect(ws.getCell(`A${many.length + 1}`).master.address).toBe(`A${many.length}`);
  });

  it('fails on bytes that are not a workbook', async () => {
    await expect(readSheet(Buffer.from('not a zip at all'), ['序号'])).rejects.toThrow();
    await expect(readSheet(pack({ 'hello.txt': 'hi' }), ['序号'])).rejects.toThrow();
  });

  it('fails on a sheet that is not well-formed XML', async () => {
    const parts = {
      'xl/workbook.xml': `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels({ rId1: ['worksheet', 'worksheets/sheet1.xml'] }),
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row><row></sheetData></worksheet>`,
    };
    await expect(readSheet(pack(parts), ['序号'])).rejects.toThrow();
  });
});
