/**
 * The shapes of the ledger reading layer (issue 15): what a ledger's columns mean, the raw sheets read from an
 * upload, the layout found in a sheet (header rows and the field of each column), the records under it, and
 * a deadline cell read as offices write it. Types only, so the modules built on them can start at once.
 */

/** What one column of a ledger means; each ledger definition lists its fields. */
export interface LedgerField {
  /** 'title', 'deadline', … */
  key: string;
  /** The canonical header: '问题描述'. */
  label: string;
  /** Headers offices use for the same column: '问题表现', '存在问题', '问题清单'. */
  synonyms: string[];
  required: boolean;
  /** 'record': one value per record (a merged cell over the rows of one problem); 'row': one per row (measures). */
  level: 'record' | 'row';
  /** A person's or unit's name: padding inside it is taken out too ('王　芳' → '王芳'), not only around it. */
  name?: boolean;
}

/** One row of a sheet as read: texts by 1-based column, and the date (YYYY-MM-DD) of cells that hold one. */
export interface RawRow {
  row: number;
  cells: Array<string | undefined>;
  dates?: Map<number, string>;
}

/** A merged range, 1-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet of an uploaded workbook: rows with any text (merged values only in their top-left cell), merges. */
export interface RawSheet {
  name: string;
  rows: RawRow[];
  merges: MergeRange[];
}

/** One column of a sheet: the header text read (parts of a two-row header joined) and the field it maps to. */
export interface ColumnMapping {
  column: number;
  header: string;
  /** null: not mapped (忽略). */
  field: string | null;
}

export interface SheetLayout {
  sheet: string;
  /** First and last header row (equal for a one-row header). */
  headerRows: [number, number];
  columns: ColumnMapping[];
  /** The text of a 填报单位：XX line above the header, if any (XX only). */
  unitHint?: string;
}

/** A sheet in which no header row was found, and why (Chinese). */
export interface LayoutProblem {
  sheet: string;
  problem: string;
}

export interface LedgerCell {
  text: string;
  /** YYYY-MM-DD when the cell held an Excel date. */
  date?: string;
}

/** One record (one problem): record-level values once, row-level values per row it spans. */
export interface LedgerRecord {
  sheet: string;
  firstRow: number;
  /** The section heading the record is under (一、理论学习方面), if the sheet has one above it. */
  section?: string;
  values: Record<string, LedgerCell>;
  rows: Array<{ row: number; values: Record<string, LedgerCell> }>;
}

export interface SheetRecords {
  records: LedgerRecord[];
  skipped: { blank: number; total: number };
}

export type DeadlineReading =
  /** YYYY-MM-DD */
  | { kind: 'date'; date: string }
  /** 立行立改 / 即知即改 / 立即整改: the campaign's default days apply. */
  | { kind: 'immediate' }
  /** 长期坚持 / 持续推进 / 常态化, with a date if one is also written. */
  | { kind: 'long_term'; date?: string }
  | { kind: 'unreadable'; text: string };

/** The campaign a deadline is read against: its dates as YYYY-MM-DD. */
export interface DeadlineCampaign {
  startDate: string;
  endDate: string;
}
