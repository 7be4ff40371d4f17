/** How a ledger describes its sheet: title, columns and which cells merge. The writer and the adapter share it. */
export interface Column<Row> {
  header: string;
  width: number;
  value: (row: Row) => string | number | null;
}

export interface SheetSpec<Row> {
  title: string;
  sheetName: string;
  columns: Column<Row>[];
  /** Rows whose cells in these columns should be merged vertically when equal (e.g. one problem, many measures). */
  mergeBy?: { key: (row: Row) => string | number; columns: number[] };
}
