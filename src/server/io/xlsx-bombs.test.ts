import { describe, expect, it } from 'vitest';
import { readGrid } from './xlsx-reader.ts';
import { READ_LIMITS, WorkbookTooLarge, WorkbookUnreadable } from './read-limits.ts';
import {
  lyingSheet,
  manyRowsSheet,
  mergeBombSheet,
  spacedSheet,
  whitespaceSheet,
  workbookWith,
} from '../testing/xlsx-bombs.ts';

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
