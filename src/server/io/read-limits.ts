/**
 * What reading one uploaded workbook may cost. An .xlsx is a ZIP: a 1 MB upload can inflate to gigabytes of
 * whitespace, name a million rows or merge a whole sheet, so every dimension is bounded before and while it is
 * read, and the read stops at the first bound it passes. The defaults leave room for the 50,000-row ledgers
 * the benchmark imports (a 50,000-row 整改台账 sheet is about 30 MB of XML).
 */
export interface ReadLimits {
  /** Inflated bytes of the sheet's XML (of every sheet together when a whole workbook is read). */
  sheetBytes: number;
  /** Inflated bytes of the shared string table. */
  sharedStringBytes: number;
  /** Inflated bytes of each small part (workbook, relationships, styles). */
  partBytes: number;
  /** Items in the shared string table. */
  sharedStrings: number;
  /** Rows that hold any text (in all sheets read). */
  rows: number;
  /** Cells kept (merged ranges filled in included); cells right of `columns` are ignored but still counted. */
  cells: number;
  /** Columns read (A…); a ledger has a dozen. */
  columns: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  cellChars: number;
  /** Bytes between two '<' of the XML: one text node or one tag (a whitespace bomb is one huge text node). */
  tokenBytes: number;
  /** Entries in the ZIP's central directory (an .xlsx has a dozen). */
  entries: number;
}

export const READ_LIMITS: ReadLimits = {
  sheetBytes: 160 * 1024 * 1024,
  sharedStringBytes: 64 * 1024 * 1024,
  partBytes: 8 * 1024 * 1024,
  sharedStrings: 1_000_000,
  rows: 100_000,
  cells: 2_000_000,
  columns: 64,
  cellChars: 32_767,
  tokenBytes: 1024 * 1024,
  entries: 10_000,
};

/** A workbook past one of the bounds: the message says which, in Chinese (the import answers 413). */
export class WorkbookTooLarge extends Error {}

/** A file that is not a readable .xlsx (the import answers 400). */
export class WorkbookUnreadable extends Error {}
