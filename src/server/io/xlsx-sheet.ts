/**
 * Spreadsheet adapter: renders rows to a print-ready .xlsx and reads a filled one back, cell by cell.
 * No business rules here — a ledger describes its columns and the module checks the values.
 */
import ExcelJS from 'exceljs';

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

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** A workbook with a title row, a bold frozen header, borders, widths and landscape A4 page setup. */
export async function renderSheet<Row>(spec: SheetSpec<Row>, rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '台账';
  const ws = wb.addWorksheet(spec.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, spec.columns.length);
  const title = ws.getCell(1, 1);
  title.value = spec.title;
  title.font = { name: '方正小标宋简体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  const header = ws.getRow(2);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  header.height = 24;
  rows.forEach((row, r) => {
    const line = ws.getRow(r + 3);
    spec.columns.forEach((c, i) => {
      const cell = line.getCell(i + 1);
      cell.value = c.value(row);
      cell.font = { name: '仿宋_GB2312', size: 11 };
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = border;
    });
  });
  if (spec.mergeBy) {
    let start = 0;
    for (let r = 1; r <= rows.length; r++) {
      if (r === rows.length || spec.mergeBy.key(rows[r]) !== spec.mergeBy.key(rows[start])) {
        if (r - start > 1) for (const col of spec.mergeBy.columns) ws.mergeCells(start + 3, col + 1, r + 2, col + 1);
        start = r;
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
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
export async function readSheet(buffer: Buffer, headers: string[]): Promise<{ rows: Array<{ row: number; cells: Record<string, ReadCell> }>; missing: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], missing: headers };
  let headerRow = 0;
  let positions = new Map<string, number>();
  for (let r = 1; r <= Math.min(ws.rowCount, 10) && !headerRow; r++) {
    const found = new Map<string, number>();
    ws.getRow(r).eachCell((cell, col) => found.set(String(cell.text).trim(), col));
    if (headers.filter((h) => found.has(h)).length >= Math.ceil(headers.length / 2)) {
      headerRow = r;
      positions = found;
    }
  }
  const missing = headers.filter((h) => !positions.has(h));
  if (!headerRow) return { rows: [], missing: headers };
  const rows: Array<{ row: number; cells: Record<string, ReadCell> }> = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const line = ws.getRow(r);
    const cells: Record<string, ReadCell> = {};
    let any = false;
    for (const h of headers) {
      const col = positions.get(h);
      const cell = col ? line.getCell(col) : null;
      const master = cell?.isMerged ? cell.master : cell;
      const raw = master?.value;
      const date = raw instanceof Date ? raw.toISOString().slice(0, 10) : null;
      const text = date ?? (master ? String(master.text ?? '').trim() : '');
      if (text) any = true;
      cells[h] = { row: r, column: h, text, date };
    }
    if (any) rows.push({ row: r, cells });
  }
  return { rows, missing };
}
