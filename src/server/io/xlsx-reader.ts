/**
 * Reads the first sheet of an uploaded .xlsx row by row with exceljs's streaming reader (which decodes shared
 * strings, rich text, formulas and date formats) and keeps only each cell's text — a full workbook model of
 * a 50,000-row ledger takes half a gigabyte. The streaming reader skips merged ranges, so those are read from
 * the sheet's XML and applied afterwards: a merged cell repeats its value in every row it spans.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readZipEntry } from './zip.ts';

/** A cell as the importers see it: its text, and the date when the cell holds one. */
export interface CellValue {
  text: string;
  date: string | null;
}

/** Rows of the first sheet: Excel row number → (1-based column → value); empty cells are absent. */
export type SheetGrid = Map<number, Map<number, CellValue>>;

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** The first sheet's name and the path of its XML inside the package, read the way Excel finds them. */
async function firstSheet(zip: Buffer): Promise<{ name?: string; path?: string }> {
  const workbook = (await readZipEntry(zip, 'xl/workbook.xml'))?.toString('utf8') ?? '';
  const sheet = workbook.match(/<(?:\w+:)?sheet\s[^>]*>/)?.[0];
  if (!sheet) return {};
  const id = attr(sheet, '(?:\\w+:)?id');
  const rels = (await readZipEntry(zip, 'xl/_rels/workbook.xml.rels'))?.toString('utf8') ?? '';
  const rel = [...rels.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((m) => m[0]).find((r) => attr(r, 'Id') === id);
  const target = rel ? attr(rel, 'Target') : undefined;
  const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : undefined;
  return { name: attr(sheet, 'name'), path };
}

function decodeRef(ref: string): { row: number; col: number } {
  const [, letters, digits] = ref.match(/^\$?([A-Z]+)\$?(\d+)$/) ?? [];
  let col = 0;
  for (const ch of letters ?? '') col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(digits), col };
}

/** Every merged range of a sheet, as row and column bounds. */
async function mergedRanges(zip: Buffer, path: string | undefined) {
  const xml = path ? ((await readZipEntry(zip, path))?.toString('utf8') ?? '') : '';
  const tail = xml.slice(Math.max(0, xml.lastIndexOf('</sheetData>')));
  return [...tail.matchAll(/<(?:\w+:)?mergeCell\s+ref="([^":]+):([^"]+)"/g)].map((m) => {
    const from = decodeRef(m[1]);
    const to = decodeRef(m[2]);
    return { top: from.row, left: from.col, bottom: to.row, right: to.col };
  });
}

function valueOf(cell: ExcelJS.Cell): CellValue | null {
  const raw = cell.value;
  const date = raw instanceof Date ? raw.toISOString().slice(0, 10) : null;
  const text = date ?? String(cell.text ?? '').trim();
  return text ? { text, date } : null;
}

/** The first sheet's cell values, merged ranges filled in. Throws when the bytes are not a readable .xlsx. */
export async function readGrid(buffer: Buffer): Promise<SheetGrid> {
  const grid: SheetGrid = new Map();
  const first = await firstSheet(buffer);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let found = false;
  for await (const sheet of reader) {
    // Sheets arrive in storage order; the one wanted is the workbook's first (the only one, in practice).
    if (found || (first.name !== undefined && (sheet as unknown as { name?: string }).name !== first.name)) continue;
    found = true;
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const cells = new Map<number, CellValue>();
      row.eachCell((cell, col) => {
        const value = valueOf(cell);
        if (value) cells.set(col, value);
      });
      if (cells.size) grid.set(row.number, cells);
    }
  }
  for (const m of await mergedRanges(buffer, first.path)) {
    const master = grid.get(m.top)?.get(m.left);
    if (!master) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        if (!grid.has(r)) grid.set(r, new Map());
        grid.get(r)!.set(c, master);
      }
    }
  }
  return grid;
}
