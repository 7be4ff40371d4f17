/**
 * Ledgers in the layouts offices really keep, built with exceljs for the import tests: merged titles, a
 * 填报单位 line, two-row and line-broken headers, text deadlines, padded names, totals, blank rows, several
 * sheets, one problem over several rows; and the same as CSV in GBK and in UTF-8 with a BOM.
 */
import ExcelJS from 'exceljs';
import { RECTIFICATION_HEADERS } from '../modules/problems/ledgers.ts';

export type Cell = string | number | Date | null;

export interface SheetSource {
  name: string;
  rows: Cell[][];
  /** A1 ranges, e.g. 'A1:M1'. */
  merges?: string[];
  /** A hidden tab (where drop-down lists live). */
  hidden?: boolean;
}

/** An .xlsx of the given sheets; Date cells get a date format so they are stored as Excel dates. */
export async function workbookOf(...sheets: SheetSource[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const source of sheets) {
    const sheet = workbook.addWorksheet(source.name, source.hidden ? { state: 'hidden' } : {});
    source.rows.forEach((cells, i) => {
      const row = sheet.getRow(i + 1);
      cells.forEach((value, c) => {
        if (value === null) return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = 'yyyy"年"m"月"d"日"';
      });
      row.commit();
    });
    for (const range of source.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV line per row, quoted where a cell holds a comma, a quote or a line break. */
export function csvOf(rows: Cell[][]): string {
  const quote = (cell: Cell) => {
    const text = cell === null ? '' : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

let gbkTable: Map<string, number[]> | undefined;

/** Text encoded as GBK (what Excel on Chinese Windows saves a CSV in), by inverting Node's GBK decoder. */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(char);
      if (!pair) throw new Error(`not in GBK: ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** The 整改台账 header as Taizhang's own template writes it. */
export const TEMPLATE_HEADER: string[] = [...RECTIFICATION_HEADERS];
