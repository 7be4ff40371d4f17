/**
 * Spreadsheet adapter: renders rows to a print-ready .xlsx and reads a filled one back, cell by cell.
 * No business rules here — a ledger describes its columns and the module checks the values.
 */
import { Readable } from 'node:stream';
import { readGrid } from './xlsx-reader.ts';
import { READ_LIMITS, type ReadLimits, WorkbookTooLarge } from './read-limits.ts';
import { importTooLarge, invalidField } from '../errors.ts';
import type { SheetSpec } from './sheet-spec.ts';
import { writeSheet } from './xlsx-writer.ts';

export type { Column, SheetSpec } from './sheet-spec.ts';

/** A workbook with a title row, a bold frozen header, borders, widths and landscape A4 page setup. Rows may come in batches. */
export async function renderSheet<Row>(spec: SheetSpec<Row>, rows: Row[] | AsyncIterable<Row[]>): Promise<Buffer> {
  return Buffer.concat(await writeSheet(spec, rows));
}

/**
 * The same workbook, finished before anything is sent (an error is still a clean error response), then sent
 * piece by piece: a big ledger is not copied once more into one buffer.
 */
export async function renderSheetStream<Row>(
  spec: SheetSpec<Row>,
  rows: Row[] | AsyncIterable<Row[]>,
): Promise<Readable> {
  return Readable.from(await writeSheet(spec, rows));
}

export interface ReadCell {
  row: number;
  column: string;
  text: string;
  date: string | null;
}

/**
 * Reads the first sheet: finds the header row (the row containing every required header), then returns each
 * data row as header → cell, with Excel row numbers for error messages. Merged cells repeat their value.
 */
export async function readSheet(
  buffer: Buffer,
  headers: string[],
  limits: ReadLimits = READ_LIMITS,
): Promise<{ rows: Array<{ row: number; cells: Record<string, ReadCell> }>; missing: string[] }> {
  const grid = await readGrid(buffer, limits);
  const rowNumbers = [...grid.keys()].sort((a, b) => a - b);
  let headerRow = 0;
  let positions = new Map<string, number>();
  for (const r of rowNumbers) {
    if (r > 10 || headerRow) break;
    const found = new Map<string, number>();
    grid.get(r)!.texts.forEach((text, col) => {
      if (text !== undefined) found.set(text, col);
    });
    if (headers.filter((h) => found.has(h)).length >= Math.ceil(headers.length / 2)) {
      headerRow = r;
      positions = found;
    }
  }
  const missing = headers.filter((h) => !positions.has(h));
  if (!headerRow) return { rows: [], missing: headers };
  const rows: Array<{ row: number; cells: Record<string, ReadCell> }> = [];
  for (const r of rowNumbers.filter((n) => n > headerRow)) {
    const line = grid.get(r)!;
    grid.delete(r); // each row's values are copied below; letting go keeps only one copy of a big sheet alive
    const cells: Record<string, ReadCell> = {};
    let any = false;
    for (const h of headers) {
      const col = positions.get(h);
      const text = col ? line.texts[col] : undefined;
      if (text) any = true;
      cells[h] = { row: r, column: h, text: text ?? '', date: (col && line.dates?.get(col)) || null };
    }
    if (any) rows.push({ row: r, cells });
  }
  return { rows, missing };
}

/**
 * readSheet for an upload: a workbook past a bound is a 413 naming it, any other unreadable file a 400 on
 * `file` with the given message.
 */
export async function readUploadedSheet(buffer: Buffer, headers: string[], unreadable: string) {
  try {
    return await readSheet(buffer, headers);
  } catch (error) {
    if (error instanceof WorkbookTooLarge) throw importTooLarge(error.message);
    throw invalidField('file', unreadable);
  }
}
