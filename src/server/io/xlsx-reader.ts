/**
 * Reads the cell values of an uploaded workbook's first sheet straight from its SpreadsheetML: shared and
 * inline strings (rich text runs joined, phonetic guides dropped), numbers, booleans, formula results, and
 * numbers in date formats as dates. Merged ranges repeat their value in every cell they span. Only text is
 * kept — a general-purpose workbook model of a 50,000-row ledger takes half a gigabyte and several seconds.
 */
import { StringDecoder } from 'node:string_decoder';
import { readZipEntry, streamZipEntry } from './zip.ts';

/** One row's cells by 1-based column: the text, and for cells holding a date, the date (YYYY-MM-DD). Kept lean: a 50,000-row sheet has 650,000 of them. */
export interface GridRow {
  texts: Array<string | undefined>;
  dates?: Map<number, string>;
}

/** Rows of the first sheet by Excel row number; rows without any text are absent. */
export type SheetGrid = Map<number, GridRow>;

function setCell(grid: SheetGrid, row: number, col: number, text: string, date: string | null) {
  let line = grid.get(row);
  if (!line) grid.set(row, (line = { texts: [] }));
  line.texts[col] = text;
  if (date) (line.dates ??= new Map()).set(col, date);
  else line.dates?.delete(col);
}

/** Excel's built-in number formats that show dates or times (ids 27–36 and 50–58 are the Chinese ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const tag = (name: string) => `<(?:[\\w.-]+:)?${name}\\b`;
const close = (name: string) => `</(?:[\\w.-]+:)?${name}>`;
/** Elements of one name, with their attributes and content (empty for self-closing ones). */
const elements = (name: string) => new RegExp(`${tag(name)}([^>]*?)(?:/>|>([\\s\\S]*?)${close(name)})`, 'g');
const attrPatterns = new Map<string, RegExp>();
/** An attribute's raw value (patterns compiled once: this runs for every cell). */
function attr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}="([^"]*)"`)));
  return attrs.match(re)?.[1];
}

function decode(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m)))
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The visible text of a string item: every <t> run, phonetic guides (<rPh>) left out. */
function runsText(xml: string): string {
  let text = '';
  for (const m of xml.replace(new RegExp(`${tag('rPh')}[\\s\\S]*?${close('rPh')}`, 'g'), '').matchAll(elements('t'))) text += decode(m[2] ?? '');
  return text;
}

async function entryText(zip: Buffer, path: string | undefined): Promise<string | undefined> {
  return path ? (await readZipEntry(zip, path))?.toString('utf8') : undefined;
}

/** Where the workbook's parts are: the first sheet, the shared strings, the styles (read the way Excel finds them). */
async function parts(zip: Buffer) {
  const workbook = await entryText(zip, 'xl/workbook.xml');
  if (workbook === undefined) throw new Error('not an .xlsx workbook');
  const rels = [...((await entryText(zip, 'xl/_rels/workbook.xml.rels')) ?? '').matchAll(elements('Relationship'))].map((m) => ({
    id: attr(m[1], 'Id'),
    type: attr(m[1], 'Type') ?? '',
    path: ((t) => (t === undefined ? undefined : t.startsWith('/') ? t.slice(1) : `xl/${t}`))(attr(m[1], 'Target')),
  }));
  const sheet = workbook.match(elements('sheet'))?.[0] ?? '';
  const sheetId = attr(sheet, 'id');
  return {
    sheet: rels.find((r) => r.id === sheetId)?.path,
    sharedStrings: rels.find((r) => r.type.endsWith('/sharedStrings'))?.path,
    styles: rels.find((r) => r.type.endsWith('/styles'))?.path,
    date1904: /date1904="(1|true)"/.test(workbook),
  };
}

/** Indexes of the cell formats (the s attribute of a cell) that display dates. */
function dateStyles(styles: string): Set<number> {
  const custom = new Map([...styles.matchAll(elements('numFmt'))].map((m) => [Number(attr(m[1], 'numFmtId')), decode(attr(m[1], 'formatCode') ?? '')]));
  const isDate = (id: number) => {
    const code = custom.get(id);
    if (code === undefined) return BUILTIN_DATE_FORMATS.has(id);
    return /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  };
  const xfs = styles.match(new RegExp(`${tag('cellXfs')}[\\s\\S]*?${close('cellXfs')}`))?.[0] ?? '';
  const dates = new Set<number>();
  [...xfs.matchAll(new RegExp(`${tag('xf')}([^>]*)`, 'g'))].forEach((m, i) => {
    if (isDate(Number(attr(m[1], 'numFmtId') ?? 0))) dates.add(i);
  });
  return dates;
}

/** A cell's unprefixed attribute (r, s, t), found without allocating: this runs for every cell of the sheet. */
function cellAttr(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  return attrs.slice(at + name.length + 3, attrs.indexOf('"', at + name.length + 3));
}

/** The text of a cell's <v> element (found by indexOf for the usual unprefixed form). */
function cellValue(body: string, valueRe: RegExp): string | undefined {
  const open = body.indexOf('<v>');
  if (open >= 0) return body.slice(open + 3, body.indexOf('</v>', open));
  return body.includes('v>') || body.includes('v ') ? body.match(valueRe)?.[1] : undefined;
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

/**
 * The sheet's <row> elements as the entry inflates, so the whole sheet is never one buffer or one string;
 * what follows the last row (merged ranges among it) is handed to `rest`.
 */
async function* sheetRows(zip: Buffer, path: string | undefined, rest: (tail: string) => void): AsyncGenerator<RegExpMatchArray> {
  const stream = path ? streamZipEntry(zip, path) : undefined;
  if (!stream) return;
  const decoder = new StringDecoder('utf8');
  const rowRe = elements('row');
  const rowEnd = new RegExp(`${close('row')}|<(?:[\\w.-]+:)?row\\b[^>]*/>`, 'g');
  let carry = '';
  for await (const chunk of stream) {
    const text = carry + decoder.write(chunk);
    // Only whole rows are parsed; the unfinished one waits for the next chunk.
    let end = 0;
    for (const m of text.matchAll(rowEnd)) end = m.index + m[0].length;
    yield* text.slice(0, end).matchAll(rowRe);
    carry = text.slice(end);
  }
  rest(carry + decoder.end());
}

/** The first sheet's cell values, merged ranges filled in. Throws when the bytes are not a readable .xlsx. */
export async function readGrid(zip: Buffer): Promise<SheetGrid> {
  const where = await parts(zip);
  const shared = [...((await entryText(zip, where.sharedStrings)) ?? '').matchAll(elements('si'))].map((m) => runsText(m[2] ?? ''));
  const dates = dateStyles((await entryText(zip, where.styles)) ?? '');
  const cellRe = elements('c');
  const valueRe = new RegExp(`${tag('v')}[^>]*>([\\s\\S]*?)${close('v')}`);
  const inlineRe = new RegExp(`${tag('is')}[^>]*>([\\s\\S]*?)${close('is')}`);
  const grid: SheetGrid = new Map();
  let merges = '';
  let rowNumber = 0;
  for await (const row of sheetRows(zip, where.sheet, (tail) => (merges = tail))) {
    rowNumber = Number(attr(row[1], 'r') ?? rowNumber + 1);
    let col = 0;
    for (const c of (row[2] ?? '').matchAll(cellRe)) {
      const attrs = ` ${c[1]}`;
      const ref = cellAttr(attrs, 'r');
      col = ref ? decodeRef(ref).col : col + 1;
      const body = c[2] ?? '';
      const type = cellAttr(attrs, 't') ?? 'n';
      const raw = type === 'inlineStr' ? undefined : cellValue(body, valueRe);
      let text = '';
      let date: string | null = null;
      if (type === 'inlineStr') text = runsText(body.match(inlineRe)?.[1] ?? '');
      else if (raw === undefined) continue;
      else if (type === 's') text = shared[Number(raw)] ?? '';
      else if (type === 'b') text = raw === '1' ? 'TRUE' : 'FALSE';
      else if (type === 'str' || type === 'e') text = decode(raw);
      else if (type === 'd') text = date = raw.slice(0, 10);
      else if (dates.has(Number(cellAttr(attrs, 's') ?? 0)) && Number.isFinite(Number(raw))) text = date = serialDate(Number(raw), where.date1904);
      else text = String(Number(raw));
      text = text.trim();
      if (text) setCell(grid, rowNumber, col, text, date);
    }
  }
  for (const m of merges.matchAll(elements('mergeCell'))) {
    const [from, to] = (attr(m[1], 'ref') ?? '').split(':').map(decodeRef);
    const line = to && grid.get(from.row);
    const master = line && line.texts[from.col];
    if (!master) continue;
    const date = line.dates?.get(from.col) ?? null;
    for (let r = from.row; r <= to.row; r++) {
      for (let c = from.col; c <= to.col; c++) if (r !== from.row || c !== from.col) setCell(grid, r, c, master, date);
    }
  }
  return grid;
}
