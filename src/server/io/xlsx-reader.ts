/**
 * Reads the cell values of an uploaded workbook straight from its SpreadsheetML: shared and inline strings
 * (rich text runs joined, phonetic guides dropped), numbers, booleans, formula results, and numbers in date
 * formats as dates. readGrid reads the first sheet with merged values repeated in every cell they span;
 * readWorkbook reads every sheet and keeps the merged ranges. Only text is kept — a general-purpose workbook
 * model of a 50,000-row ledger takes half a gigabyte and several seconds.
 *
 * The container is read from its central directory (zip-entries.ts, node:zlib inflating off the main thread)
 * and the XML with saxes, a streaming SAX parser. The sheet and the shared strings are inflated and parsed
 * piece by piece, so neither is ever one buffer or one string, and every dimension is bounded (read-limits.ts):
 * a workbook past a bound stops being read at that point with WorkbookTooLarge.
 */
import { READ_LIMITS, type ReadLimits, WorkbookTooLarge, WorkbookUnreadable } from './read-limits.ts';
import { inflateEntry, inflateSmall, mb, type ZipEntry, zipEntries } from './zip-entries.ts';
import { attr, detach, parseXml, unescapeOoxml, XmlStream } from './xml-stream.ts';

/** One row's cells by 1-based column: the text, and for cells holding a date, the date (YYYY-MM-DD). Kept lean: a 50,000-row sheet has 650,000 of them. */
export interface GridRow {
  texts: Array<string | undefined>;
  dates?: Map<number, string>;
}

/** Rows of the first sheet by Excel row number; rows without any text are absent. */
export type SheetGrid = Map<number, GridRow>;

/** Excel's built-in number formats that show dates or times (ids 27–36 and 50–58 are the Chinese ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** Where the workbook's parts are: its sheets in tab order, the shared strings, the styles (found the way Excel finds them). */
async function parts(zip: Uint8Array, limits: ReadLimits) {
  const entries = zipEntries(zip, limits.entries);
  const workbook = await inflateSmall(zip, entries.get(WORKBOOK), limits.partBytes, '工作簿');
  if (!workbook) throw new WorkbookUnreadable('not an .xlsx workbook');
  const workbookRels = await inflateSmall(zip, entries.get(WORKBOOK_RELS), limits.partBytes, '工作簿关系');
  const sheets: Array<{ name: string; id?: string; hidden: boolean }> = [];
  let date1904 = false;
  parseXml(workbook, {
    open(name, tag) {
      if (name === 'sheet')
        sheets.push({
          name: attr(tag, 'name') ?? `Sheet${sheets.length + 1}`,
          id: attr(tag, 'id'),
          hidden: /hidden/i.test(attr(tag, 'state') ?? ''),
        });
      else if (name === 'workbookPr') date1904 = /^(1|true)$/.test(attr(tag, 'date1904') ?? '');
    },
  });
  const rels: Array<{ id?: string; type: string; path?: string }> = [];
  parseXml(workbookRels, {
    open(name, tag) {
      if (name !== 'Relationship') return;
      const target = attr(tag, 'Target');
      rels.push({
        id: attr(tag, 'Id'),
        type: attr(tag, 'Type') ?? '',
        path: target === undefined ? undefined : target.startsWith('/') ? target.slice(1) : `xl/${target}`,
      });
    },
  });
  const entry = (path: string | undefined) => (path === undefined ? undefined : entries.get(path));
  return {
    sheets: sheets.map((sheet) => ({
      name: sheet.name,
      hidden: sheet.hidden,
      entry: entry(rels.find((r) => r.id === sheet.id)?.path),
    })),
    sharedStrings: entry(rels.find((r) => r.type.endsWith('/sharedStrings'))?.path),
    styles: entry(rels.find((r) => r.type.endsWith('/styles'))?.path),
    date1904,
  };
}

/**
 * The shared string table, streamed as it inflates: each item's visible text, every <t> run joined, phonetic
 * guides (<rPh>) left out. Bounded in items and in characters per item.
 */
async function sharedStrings(zip: Uint8Array, entry: ZipEntry | undefined, limits: ReadLimits): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let item: string | undefined;
  let inText = false;
  let phonetic = 0;
  const xml = new XmlStream(
    {
      open(name) {
        if (name === 'si') {
          if (strings.length >= limits.sharedStrings)
            throw new WorkbookTooLarge(`共享字符串超过 ${limits.sharedStrings} 项`);
          item = '';
        } else if (name === 'rPh') phonetic++;
        else if (name === 't') inText = item !== undefined && phonetic === 0;
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') {
          strings.push(detach(unescapeOoxml(item ?? '')));
          item = undefined;
        }
      },
      text(text) {
        if (!inText) return;
        item += text;
        if (item!.length > limits.cellChars) throw new WorkbookTooLarge(`有单元格超过 ${limits.cellChars} 个字符`);
      },
    },
    limits.tokenBytes,
  );
  await inflateEntry(zip, entry, limits.sharedStringBytes, '共享字符串表', (bytes) => xml.write(bytes));
  xml.end();
  return strings;
}

/** Indexes of the cell formats (the s attribute of a cell) that display dates. */
function dateStyles(bytes: Uint8Array | undefined): Set<number> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  parseXml(bytes, {
    open(name, tag) {
      if (name === 'numFmt') custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attr(tag, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const isDate = (id: number) => {
    const code = custom.get(id);
    if (code === undefined) return BUILTIN_DATE_FORMATS.has(id);
    return /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  };
  const dates = new Set<number>();
  formats.forEach((id, i) => {
    if (isDate(id)) dates.add(i);
  });
  return dates;
}

/** 1-based column of a reference like "B12" (no object: this runs for every cell). */
function refColumn(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else break;
  }
  return col;
}

/** 1-based column and row of a reference like "B12". */
function decodeRef(ref: string): { row: number; col: number } {
  let col = 0;
  let row = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 48 && code <= 57) row = row * 10 + code - 48;
  }
  return { row, col };
}

function serialDate(serial: number, date1904: boolean): string {
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

/** What a sheet's cells mean: the shared strings they point to, the formats that show dates, the date system. */
interface SheetContext {
  shared: string[];
  dates: Set<number>;
  date1904: boolean;
}

/** Cells and rows read so far from every sheet of one workbook: the bounds hold for the workbook, not per sheet. */
interface Budget {
  cells: number;
  rows: number;
}

/** A merged range, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's last column (XFD); a cell past it is no SpreadsheetML Excel wrote, and stops the read at once. */
const EXCEL_COLUMNS = 16_384;

/**
 * Builds the grid from the sheet's XML as it arrives: rows and cells as they close, merged ranges once all are
 * read — filled into every cell they span (`fill`), or kept as ranges clipped to the columns read.
 */
function sheetReader(
  context: SheetContext,
  limits: ReadLimits,
  budget: Budget = { cells: 0, rows: 0 },
  fill = true,
): { write(bytes: Uint8Array): void; end(): { grid: SheetGrid; merges: CellRange[] } } {
  const grid: SheetGrid = new Map();
  const merges: string[] = [];
  const setCell = (row: number, col: number, text: string, date: string | null) => {
    if (++budget.cells > limits.cells) throw new WorkbookTooLarge(`表格超过 ${limits.cells} 个单元格`);
    if (col > limits.columns) return;
    let line = grid.get(row);
    if (!line) {
      if (++budget.rows > limits.rows) throw new WorkbookTooLarge(`表格超过 ${limits.rows} 行`);
      grid.set(row, (line = { texts: [] }));
    }
    line.texts[col] = text;
    if (date) (line.dates ??= new Map()).set(col, date);
    else line.dates?.delete(col);
  };
  const tooLong = (text: string | undefined) => {
    if (text !== undefined && text.length > limits.cellChars)
      throw new WorkbookTooLarge(`有单元格超过 ${limits.cellChars} 个字符`);
  };
  let rowNumber = 0;
  let col = 0;
  let type = 'n';
  let style: string | undefined;
  let value: string | undefined;
  let inline: string | undefined;
  /** Whose text is being collected: the cell's <v>, a <t> run of its inline string, or none. */
  let collecting: 'v' | 't' | undefined;
  let phonetic = 0;

  const endCell = () => {
    let text: string;
    let date: string | null = null;
    if (type === 'inlineStr') text = detach(unescapeOoxml(inline ?? ''));
    else if (value === undefined || value === '') return;
    else if (type === 's') text = context.shared[Number(value)] ?? '';
    else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
    else if (type === 'str' || type === 'e') text = detach(unescapeOoxml(value));
    else if (type === 'd') text = date = value.slice(0, 10);
    else if (context.dates.has(Number(style ?? 0)) && Number.isFinite(Number(value)))
      text = date = serialDate(Number(value), context.date1904);
    else text = String(Number(value));
    text = text.trim();
    if (text) setCell(rowNumber, col, text, date);
  };

  const xml = new XmlStream(
    {
      open(name, tag) {
        switch (name) {
          case 'row':
            rowNumber = Number(tag.attributes.r ?? rowNumber + 1);
            col = 0;
            break;
          case 'c': {
            const ref = tag.attributes.r;
            col = ref ? refColumn(ref) : col + 1;
            if (col > EXCEL_COLUMNS) throw new WorkbookTooLarge(`表格超过 ${EXCEL_COLUMNS} 列（Excel 的上限）`);
            type = tag.attributes.t ?? 'n';
            style = tag.attributes.s;
            value = inline = undefined;
            break;
          }
          case 'v':
            value = '';
            collecting = 'v';
            break;
          case 'is':
            inline = '';
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            if (inline !== undefined && phonetic === 0) collecting = 't';
            break;
          case 'mergeCell': {
            const ref = attr(tag, 'ref');
            if (ref && merges.push(ref) > limits.cells) throw new WorkbookTooLarge(`合并区域超过 ${limits.cells} 个`);
            break;
          }
        }
      },
      close(name) {
        if (name === 'v' || name === 't') collecting = undefined;
        else if (name === 'rPh') phonetic--;
        else if (name === 'c') endCell();
      },
      text(text) {
        if (collecting === 'v') tooLong((value += text));
        else if (collecting === 't') tooLong((inline += text));
      },
    },
    limits.tokenBytes,
  );

  return {
    write: (bytes) => xml.write(bytes),
    end() {
      xml.end();
      if (!fill) return { grid, merges: mergeRanges(merges, limits.columns) };
      for (const ref of merges) {
        const [from, to] = ref.split(':').map(decodeRef);
        const line = to && grid.get(from.row);
        const master = line?.texts[from.col];
        if (!master) continue;
        const date = line.dates?.get(from.col) ?? null;
        // Clipped to the columns read; every cell filled counts against the bound, so A1:XFD1048576 stops early.
        for (let r = from.row; r <= to.row; r++) {
          for (let c = from.col; c <= Math.min(to.col, limits.columns); c++)
            if (r !== from.row || c !== from.col) setCell(r, c, master, date);
        }
      }
      return { grid, merges: [] };
    },
  };
}

/**
 * Merged ranges that start inside the columns read, clipped to them, in reading order; single cells left out.
 * Excel never writes overlapping ranges, so a range overlapping an earlier one is dropped: what is kept covers
 * each cell at most once, and a reader walking the rows holds at most one range per column.
 */
function mergeRanges(refs: string[], columns: number): CellRange[] {
  const ranges: CellRange[] = [];
  for (const ref of refs) {
    const [from, to] = ref.split(':').map(decodeRef);
    if (!to || from.col > columns || to.row < from.row || to.col < from.col) continue;
    if (from.row === to.row && from.col === to.col) continue;
    ranges.push({ top: from.row, left: from.col, bottom: to.row, right: Math.min(to.col, columns) });
  }
  ranges.sort((x, y) => x.top - y.top || x.left - y.left);
  /** The last row covered so far in each column. */
  const coveredTo = new Array<number>(columns + 1).fill(0);
  return ranges.filter((range) => {
    for (let c = range.left; c <= range.right; c++) if (coveredTo[c] >= range.top) return false;
    for (let c = range.left; c <= range.right; c++) coveredTo[c] = range.bottom;
    return true;
  });
}

/** The parts every sheet needs, read once: shared strings, date formats, date system. */
async function context(zip: Uint8Array, where: Awaited<ReturnType<typeof parts>>, limits: ReadLimits) {
  const declared = where.sheets.reduce((sum, sheet) => sum + (sheet.entry?.size ?? 0), 0);
  if (declared > limits.sheetBytes)
    throw new WorkbookTooLarge(`工作表解压后 ${mb(declared)} MB，超过上限 ${mb(limits.sheetBytes)} MB`);
  return {
    shared: await sharedStrings(zip, where.sharedStrings, limits),
    dates: dateStyles(await inflateSmall(zip, where.styles, limits.partBytes, '样式表')),
    date1904: where.date1904,
  } satisfies SheetContext;
}

/** Runs a read, answering XML that is not well-formed (or any other failure) as WorkbookUnreadable. */
async function guarded<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof WorkbookTooLarge || error instanceof WorkbookUnreadable) throw error;
    throw new WorkbookUnreadable(String(error));
  }
}

/**
 * The first sheet's cell values, merged ranges filled in. Throws WorkbookUnreadable when the bytes are not a
 * readable .xlsx, WorkbookTooLarge at the first bound passed (before inflating when the sizes the ZIP declares
 * already pass one).
 */
export function readGrid(zip: Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<SheetGrid> {
  return guarded(async () => {
    const where = await parts(zip, limits);
    const sheet = where.sheets[0]?.entry;
    const cells = await context(zip, { ...where, sheets: where.sheets.slice(0, 1) }, limits);
    if (!sheet) return new Map();
    const reader = sheetReader(cells, limits);
    await inflateEntry(zip, sheet, limits.sheetBytes, '工作表', (bytes) => reader.write(bytes));
    return reader.end().grid;
  });
}

/** One sheet of a workbook: its tab name, its cells (a merged value only in the range's top-left cell), its merges. */
export interface WorkbookSheet {
  name: string;
  grid: SheetGrid;
  merges: CellRange[];
}

/**
 * Every visible sheet, in tab order, merges kept as ranges (hidden sheets hold drop-down lists and lookups,
 * not ledgers). The bounds hold for the workbook as a whole: the sheets' inflated XML together, and their rows
 * and cells together.
 */
export function readWorkbook(zip: Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<WorkbookSheet[]> {
  return guarded(async () => {
    const where = await parts(zip, limits);
    const visible = where.sheets.filter((sheet) => !sheet.hidden);
    const cells = await context(zip, { ...where, sheets: visible }, limits);
    const budget: Budget = { cells: 0, rows: 0 };
    const sheets: WorkbookSheet[] = [];
    for (const { name, entry } of visible) {
      if (!entry) continue; // a chart sheet or a dangling reference: no cells to read
      const reader = sheetReader(cells, limits, budget, false);
      await inflateEntry(zip, entry, limits.sheetBytes, '工作表', (bytes) => reader.write(bytes));
      sheets.push({ name, ...reader.end() });
    }
    return sheets;
  });
}
