/**
 * An uploaded ledger file as raw sheets: every sheet of an .xlsx (each may be one unit's ledger), or the one
 * sheet of a CSV. The old binary formats — .xls, and WPS's .et, both OLE2 compound files — and anything else
 * are refused with a message saying how to save the file so that it can be read.
 */
import { READ_LIMITS, type ReadLimits, WorkbookUnreadable } from '../read-limits.ts';
import { readWorkbook } from '../xlsx-reader.ts';
import { readCsv } from './csv.ts';
import type { RawSheet } from './types.ts';

const SAVE_AS_XLSX = '请在 Excel 或 WPS 中打开后「另存为」Excel 工作簿（.xlsx）再上传';

/** Messages for files that cannot be read (Chinese; the import shows them as they are). */
export const UNREADABLE = {
  binary: `这是旧版 Excel（.xls）或 WPS 表格（.et）格式的文件，无法直接读取。${SAVE_AS_XLSX}`,
  otherFormat: (ext: string) => `这是 .${ext} 格式的表格文件，无法直接读取。${SAVE_AS_XLSX}`,
  notWorkbook: `文件不是 Excel 工作簿（.xlsx），也不是 CSV 文件，无法读取。${SAVE_AS_XLSX}`,
  damaged: `文件已损坏或不是有效的 Excel 工作簿，无法读取。${SAVE_AS_XLSX}`,
  csv: '无法读取这个 CSV 文件：请确认它是以逗号分隔的文本（UTF-8 或 GBK 编码），或另存为 .xlsx 再上传',
};

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const extension = (fileName: string) => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** The sheet name of a CSV: its file name without the extension. */
const csvName = (fileName: string) => fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '') || 'CSV';

/**
 * Every sheet with any rows, in tab order; merged values only in a range's top-left cell, the ranges listed.
 * Throws WorkbookUnreadable (Chinese message) for a file it cannot read, WorkbookTooLarge at the first bound.
 */
export async function readLedgerFile(
  buffer: Uint8Array,
  fileName: string,
  limits: ReadLimits = READ_LIMITS,
): Promise<RawSheet[]> {
  const ext = extension(fileName);
  if (startsWith(buffer, OLE2) || ext === 'xls' || ext === 'et') throw new WorkbookUnreadable(UNREADABLE.binary);
  // The binary Excel workbook and OpenDocument are zips too, but hold no SpreadsheetML.
  if (ext === 'xlsb' || ext === 'ods' || ext === 'numbers') throw new WorkbookUnreadable(UNREADABLE.otherFormat(ext));
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    const sheets = await readWorkbook(buffer, limits).catch((error: unknown) => {
      if (!(error instanceof WorkbookUnreadable)) throw error;
      throw new WorkbookUnreadable(
        error.message === 'not an .xlsx workbook' ? UNREADABLE.notWorkbook : UNREADABLE.damaged,
        {
          cause: error,
        },
      );
    });
    // A workbook's unused tabs (Sheet2, Sheet3) are no ledgers.
    return sheets
      .filter((sheet) => sheet.grid.size > 0)
      .map(({ name, grid, merges }) => ({
        name,
        merges,
        rows: [...grid.keys()]
          .sort((a, b) => a - b)
          .map((row) => ({ row, cells: grid.get(row)!.texts, dates: grid.get(row)!.dates })),
      }));
  }
  if (ext === 'csv' || ext === 'txt') {
    try {
      return [{ name: csvName(fileName), rows: readCsv(buffer, limits), merges: [] }];
    } catch (error) {
      if (error instanceof WorkbookUnreadable) throw new WorkbookUnreadable(UNREADABLE.csv, { cause: error });
      throw error;
    }
  }
  throw new WorkbookUnreadable(UNREADABLE.notWorkbook);
}
