import { describe, expect, it } from 'vitest';
import { readGrid } from './xlsx-reader.ts';
import { READ_LIMITS, WorkbookTooLarge, WorkbookUnreadable } from './read-limits.ts';
import {
  junk,
  lyingSheet,
  manyRowsSheet,
  mergeBombSheet,
  overlappingMergesSheet,
  spacedSheet,
  whitespaceSheet,
  wideSheet,
  workbookWith,
} from '../testing/xlsx-bombs.ts';
import { readLedgerFile } from './ledger/workbook.ts';
import { detectLayout } from './ledger/layout.ts';
import { toRecords } from './ledger/records.ts';
import { RECTIFICATION_FIELDS } from './ledger/rectification-fields.ts';

/** Runs `work` while sampling the process's resident memory; returns the peak growth in MB. */
async function peakGrowthMb(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await work().catch(() => undefined);
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return (peak - before) / 1024 / 1024;
}

describe('reading a hostile workbook', () => {
  it('refuses a sheet declared past the size bound before inflating it', async () => {
    const zip = workbookWith(await whitespaceSheet(200));
    expect(zip.length).toBeLessThan(1024 * 1024);
    const read = readGrid(zip);
    await expect(read).rejects.toBeInstanceOf(WorkbookTooLarge);
    await expect(read).rejects.toThrow(/工作表解压后 200 MB/);
  });

  it('stops inflating as soon as an entry passes the size its header declares', async () => {
    const zip = workbookWith(await lyingSheet(64, 1024 * 1024));
    await expect(readGrid(zip)).rejects.toBeInstanceOf(WorkbookUnreadable);
  });

  it('refuses one text node bigger than the token bound (whitespace is held whole by the XML parser)', async () => {
    const zip = workbookWith(await whitespaceSheet(4));
    await expect(readGrid(zip)).rejects.toThrow(/超过 1048576 字节的单个文本或标记/);
  });

  it('stops at the row bound and at the cell bound of a merged range over the whole sheet', async () => {
    // Bounds lowered for CI: the check is the same at the real 100,000 rows.
    const limits = { ...READ_LIMITS, rows: 2000 };
    await expect(readGrid(workbookWith(manyRowsSheet(2001)), limits)).rejects.toThrow(/表格超过 2000 行/);
    expect((await readGrid(workbookWith(manyRowsSheet(2000)), limits)).size).toBe(2000);
    await expect(readGrid(workbookWith(mergeBombSheet()), limits)).rejects.toBeInstanceOf(WorkbookTooLarge);
    await expect(readGrid(workbookWith(mergeBombSheet()), { ...limits, rows: 1e9, cells: 50_000 })).rejects.toThrow(
      /表格超过 50000 个单元格/,
    );
  });

  it('reads a sheet just under the size bound in bounded memory (streamed, never one string)', async () => {
    const zip = workbookWith(await spacedSheet(96));
    let rows = -1;
    const growth = await peakGrowthMb(
      async () => (rows = (await readGrid(zip, { ...READ_LIMITS, sheetBytes: 100 * 1024 * 1024 })).size),
    );
    expect(rows).toBe(0);
    // Held as one string the sheet alone would be 96 MB.
    expect(growth).toBeLessThan(48);
  });

  it('answers garbage and truncated files as unreadable, never as a crash', async () => {
    const good = workbookWith(manyRowsSheet(3));
    for (const bytes of [Buffer.from('not a zip at all'), good.subarray(0, good.length - 30), Buffer.alloc(0)])
      await expect(readGrid(bytes)).rejects.toBeInstanceOf(WorkbookUnreadable);
  });
});

/** Milliseconds `work` takes, whether it resolves or rejects. */
async function took(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work().catch(() => undefined);
  return performance.now() - start;
}

describe('reading a hostile ledger file (every sheet, merges kept as ranges)', () => {
  it('refuses a 100,000-column sheet quickly, at Excel’s last column', async () => {
    const zip = workbookWith(await wideSheet(100));
    await expect(readLedgerFile(zip, '台账.xlsx')).rejects.toThrow(/表格超过 16384 列/);
    await expect(readGrid(zip)).rejects.toBeInstanceOf(WorkbookTooLarge);
    expect(await took(() => readLedgerFile(zip, '台账.xlsx'))).toBeLessThan(2000);
  });

  it('refuses 20 MB of junk quickly, in bounded memory, whatever it is named', async () => {
    for (const [bytes, name] of [
      [junk(20), '台账.xlsx'],
      [junk(20, true), '台账.xlsx'],
      [junk(20), '台账.csv'],
      [junk(20), '台账'],
    ] as const) {
      await expect(readLedgerFile(bytes, name)).rejects.toBeInstanceOf(WorkbookUnreadable);
      expect(await took(() => readLedgerFile(bytes, name))).toBeLessThan(2000);
      expect(await peakGrowthMb(() => readLedgerFile(bytes, name))).toBeLessThan(64);
    }
  });

  it('keeps a merge over the whole sheet as one range (nothing filled), and drops overlapping ranges', async () => {
    const [sheet] = await readLedgerFile(workbookWith(mergeBombSheet()), 'a.xlsx');
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1_048_576, right: READ_LIMITS.columns }]);
    const [overlapped] = await readLedgerFile(workbookWith(overlappingMergesSheet(50_000)), 'a.xlsx');
    expect(overlapped.merges).toHaveLength(1);
    const start = performance.now();
    const layout = detectLayout(overlapped, RECTIFICATION_FIELDS);
    expect(layout).toHaveProperty('problem');
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('holds the row bound over all sheets together', async () => {
    const limits = { ...READ_LIMITS, rows: 2000 };
    const two = workbookWith(manyRowsSheet(1200), manyRowsSheet(1200));
    await expect(readLedgerFile(two, 'a.xlsx', limits)).rejects.toThrow(/表格超过 2000 行/);
    const sheets = await readLedgerFile(workbookWith(manyRowsSheet(1000), manyRowsSheet(1000)), 'a.xlsx', limits);
    expect(sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['a', 1000],
      ['b', 1000],
    ]);
  });

  it('reads a ledger’s records from a sheet whose merges reach the last row, without walking them', async () => {
    const [sheet] = await readLedgerFile(workbookWith(manyRowsSheet(3)), 'a.xlsx');
    const layout = {
      sheet: 'a',
      headerRows: [1, 1] as [number, number],
      columns: [{ column: 1, header: 'x', field: 'title' }],
    };
    const start = performance.now();
    const { records } = toRecords(
      { ...sheet, merges: [{ top: 2, left: 1, bottom: 1_048_576, right: 1 }] },
      layout,
      RECTIFICATION_FIELDS,
    );
    expect(records).toHaveLength(1);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
