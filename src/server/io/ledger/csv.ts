/**
 * A CSV ledger as rows of cells. Offices save CSV from Excel or WPS in UTF-8 (often with a BOM), in GBK (the
 * default of Chinese Windows), or as 「Unicode 文本」 (UTF-16 with tabs). The bytes are decoded and parsed a piece
 * at a time, so a big file is never one string, and the same bounds as a workbook's hold (read-limits.ts).
 */
import { type ReadLimits, WorkbookTooLarge, WorkbookUnreadable } from '../read-limits.ts';
import type { RawRow } from './types.ts';

const PIECE_BYTES = 64 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The encoding the bytes are in: a BOM says so; else UTF-8 if every byte sequence is valid UTF-8, else GBK. */
function encodingOf(bytes: Uint8Array): { encoding: string; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const probe = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += PIECE_BYTES)
      probe.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true });
    probe.decode();
    return { encoding: 'utf-8', skip: 0 };
  } catch {
    return { encoding: 'gbk', skip: 0 };
  }
}

/** The text pieces of the file, decoded as they are needed. */
function* pieces(bytes: Uint8Array, encoding: string, skip: number): Generator<string> {
  const decoder = new TextDecoder(encoding);
  for (let at = skip; at < bytes.length; at += PIECE_BYTES)
    yield decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true });
  yield decoder.decode();
}

/** Comma, or the tab of 「Unicode 文本」 and of some exports, or a semicolon: whichever the first line has most of. */
function delimiterOf(firstPiece: string): string {
  const line = firstPiece.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => line.split(c).length - 1;
  return [',', '\t', ';'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/**
 * Rows with any text, numbered from 1 as a spreadsheet would show them (a line break inside a quoted cell
 * does not start a row). Cells are trimmed; columns past `limits.columns` are counted but not kept.
 */
export function readCsv(bytes: Uint8Array, limits: ReadLimits): RawRow[] {
  if (bytes.length > limits.sheetBytes) throw new WorkbookTooLarge(`文件超过 ${limits.sheetBytes} 字节`);
  const { encoding, skip } = encodingOf(bytes);
  if (encoding === 'utf-8' || encoding === 'gbk') {
    if (bytes.subarray(0, Math.min(bytes.length, 1 << 20)).includes(0)) throw new WorkbookUnreadable('二进制文件');
  }
  const rows: RawRow[] = [];
  let cells: Array<string | undefined> = [];
  let cell = '';
  let col = 1;
  let row = 1;
  let quoted = false;
  /** A quote seen inside a quoted cell: the next character says whether it was an escaped quote or the end. */
  let quote = false;
  let count = 0;
  let delimiter = '';
  const endCell = () => {
    if (++count > limits.cells) throw new WorkbookTooLarge(`表格超过 ${limits.cells} 个单元格`);
    const text = cell.trim();
    if (text && col <= limits.columns) cells[col] = text;
    cell = '';
    col++;
  };
  const endRow = () => {
    endCell();
    if (cells.some((text) => text !== undefined)) {
      if (rows.length >= limits.rows) throw new WorkbookTooLarge(`表格超过 ${limits.rows} 行`);
      rows.push({ row, cells });
    }
    cells = [];
    col = 1;
    row++;
  };
  const append = (text: string) => {
    cell += text;
    if (cell.length > limits.cellChars) throw new WorkbookTooLarge(`有单元格超过 ${limits.cellChars} 个字符`);
  };
  let lastWasCr = false;
  for (const text of pieces(bytes, encoding, skip)) {
    if (!delimiter && text) delimiter = delimiterOf(text);
    const separator = delimiter.charCodeAt(0);
    let at = 0;
    while (at < text.length) {
      if (quote) {
        quote = false;
        if (text.charCodeAt(at) === QUOTE) {
          append('"');
          at++;
          continue;
        }
        quoted = false;
      }
      if (quoted) {
        // Inside quotes everything up to the next quote is the cell's, line breaks and separators included.
        const next = text.indexOf('"', at);
        append(text.slice(at, next < 0 ? text.length : next));
        if (next < 0) break;
        quote = true;
        at = next + 1;
        continue;
      }
      let end = at;
      for (let c = text.charCodeAt(end); end < text.length; c = text.charCodeAt(++end))
        if (c === separator || c === LF || c === CR || c === QUOTE) break;
      if (end > at) {
        append(text.slice(at, end));
        lastWasCr = false;
      }
      if (end >= text.length) break;
      const c = text.charCodeAt(end);
      at = end + 1;
      const afterCr = lastWasCr;
      lastWasCr = c === CR;
      if (c === QUOTE) {
        if (cell.trim() === '') {
          quoted = true;
          cell = '';
        } else append('"');
      } else if (c === separator) endCell();
      else if (c === CR || !afterCr) endRow(); // CRLF is one line end
    }
  }
  if (quoted && !quote) throw new WorkbookUnreadable('引号没有闭合');
  if (cell || col > 1) endRow();
  return rows;
}
