import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvOf } from '../../testing/ledger-corpus.ts';
import { READ_LIMITS, WorkbookTooLarge, WorkbookUnreadable } from '../read-limits.ts';
import { readCsv } from './csv.ts';

const utf8 = (text: string) => Buffer.from(text);
const cellsOf = (bytes: Uint8Array, limits = READ_LIMITS) =>
  readCsv(bytes, limits).map((r) => [r.row, Array.from(r.cells.slice(1), (t) => t ?? '')]);

describe('reading a CSV ledger', () => {
  it('reads LF, CRLF and CR line ends alike, numbering rows as a spreadsheet shows them', () => {
    for (const end of ['\n', '\r\n', '\r'])
      expect(cellsOf(utf8(['a,b', '', 'c,d'].join(end)))).toEqual([
        [1, ['a', 'b']],
        [3, ['c', 'd']],
      ]);
  });

  it('keeps commas, quotes and line breaks inside quoted cells, trims padding outside them', () => {
    expect(cellsOf(utf8('"一，二, 三"," 说""好"" ","x\ny"\n  王芳　,\t'))).toEqual([
      [1, ['一，二, 三', '说"好"', 'x\ny']],
      [2, ['王芳']],
    ]);
  });

  it('reads 「Unicode 文本」: UTF-16 with a BOM, separated by tabs', () => {
    const text = '序号\t问题描述\r\n1\t会议多，文件多\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(cellsOf(bytes)).toEqual([
      [1, ['序号', '问题描述']],
      [2, ['1', '会议多，文件多']],
    ]);
  });

  it('tells GBK from UTF-8 by whether the bytes are valid UTF-8', () => {
    // 整改 in GBK: D5 FB B8 C4 (not valid UTF-8)
    expect(cellsOf(Buffer.from([0xd5, 0xfb, 0xb8, 0xc4, 0x2c, 0x61]))).toEqual([[1, ['整改', 'a']]]);
    expect(cellsOf(utf8('整改,a'))).toEqual([[1, ['整改', 'a']]]);
  });

  it('holds the bounds of a workbook: rows, cells, characters in a cell, columns kept', () => {
    const limits = { ...READ_LIMITS, rows: 3, cells: 20, cellChars: 10, columns: 2 };
    expect(() => readCsv(utf8('a\nb\nc\nd\n'), limits)).toThrow(WorkbookTooLarge);
    expect(() => readCsv(utf8('a,'.repeat(30)), limits)).toThrow(/超过 20 个单元格/);
    expect(() => readCsv(utf8(`"${'长'.repeat(11)}"`), limits)).toThrow(/超过 10 个字符/);
    expect(cellsOf(utf8('a,b,c'), limits)).toEqual([[1, ['a', 'b']]]);
  });

  it('refuses binary bytes and a quote never closed', () => {
    expect(() => readCsv(Buffer.from([0x61, 0x00, 0x62]), READ_LIMITS)).toThrow(WorkbookUnreadable);
    expect(() => readCsv(utf8('a,"b\nc'), READ_LIMITS)).toThrow(WorkbookUnreadable);
  });

  it('reads back any cells a spreadsheet writes as CSV (quoted where they hold commas, quotes, line breaks)', () => {
    const char = fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', '　', '1');
    const cell = fc.array(char, { maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const expected = rows.flatMap((cells, i) => {
          const kept = cells.map((c) => c.trim() || undefined);
          return kept.some(Boolean) ? [{ row: i + 1, cells: [undefined, ...kept] }] : [];
        });
        const read = readCsv(utf8(csvOf(rows)), READ_LIMITS).map((r) => ({
          row: r.row,
          cells: Array.from({ length: Math.max(r.cells.length, 1) }, (_, c) => r.cells[c]),
        }));
        const padded = expected.map((r) => ({ row: r.row, cells: r.cells.slice(0, lastText(r.cells) + 1) }));
        expect(read).toEqual(padded);
      }),
    );
  });
});

/** Index of the last cell holding text. */
const lastText = (cells: Array<string | undefined>) => cells.findLastIndex((c) => c !== undefined);
