/**
 * Reads the cell values of an uploaded workbook's first sheet straight from its SpreadsheetML: shared and
 * inline strings (rich text runs joined, phonetic guides dropped), numbers, booleans, formula results, and
 * numbers in date formats as dates. Merged ranges repeat their value in every cell they span. Only text is
 * kept — a general-purpose workbook model of a 50,000-row ledger takes half a gigabyte and several seconds.
 *
 * The container is read with fflate (node:zlib inflating the sheet) and the XML with saxes, a streaming SAX
 * parser. The sheet is inflated and parsed piece by piece, so it is never one buffer or one string.
 */
import { once } from 'node:events';
import zlib from 'node:zlib';
import { type AsyncFlateStreamHandler, Unzip, type UnzipDecoder, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** One row's cells by 1-based column: the text, and for cells holding a date, the date (YYYY-MM-DD). Kept lean: a 50,000-row sheet has 650,000 of them. */
export interface GridRow {
  texts: Array<string | undefined>;
  dates?: Map<number, string>;
}

/** Rows of the first sheet by Excel row number; rows without any text are absent. */
export type SheetGrid = Map<number, GridRow>;

/**
 * Bytes of XML decoded and handed to the parser at a time: each piece becomes an ordinary young-generation
 * string (strings past ~128 KB go to V8's large-object space, which only a full GC frees).
 */
const PIECE_BYTES = 32 * 1024;
/** Compressed bytes of the upload pushed to the streaming unzip at a time. */
const PUSH_BYTES = 16 * 1024;

/** Excel's built-in number formats that show dates or times (ids 27–36 and 50–58 are the Chinese ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

interface XmlHandlers {
  /** An element opened (name without its namespace prefix). */
  open?: (name: string, tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** A tag's name without its namespace prefix (x:row → row): Excel writes none, other tools may prefix every element. */
function localName(name: string): string {
  const at = name.indexOf(':');
  return at < 0 ? name : name.slice(at + 1);
}

/** An attribute by its local name, whatever its prefix (r:id, id). */
function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const plain = tag.attributes[name];
  if (plain !== undefined) return plain;
  for (const key in tag.attributes) if (localName(key) === name) return tag.attributes[key];
  return undefined;
}

/** A SAX parser fed with UTF-8 bytes as they arrive; throws on XML that is not well-formed. */
class XmlStream {
  private readonly parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  private readonly decoder = new TextDecoder('utf-8');

  constructor(handlers: XmlHandlers) {
    const { open, close, text } = handlers;
    if (open) this.parser.on('opentag', (tag) => open(localName(tag.name), tag));
    if (close) this.parser.on('closetag', (tag) => close(localName(tag.name)));
    if (text) {
      this.parser.on('text', text);
      this.parser.on('cdata', text);
    }
  }

  write(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
      this.parser.write(this.decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true }));
    }
  }

  end(): void {
    this.parser.write(this.decoder.decode());
    this.parser.close();
  }
}

/** Parses a part held in memory (the small ones: workbook, relationships, styles, shared strings). */
function parseXml(bytes: Uint8Array | undefined, handlers: XmlHandlers): void {
  if (!bytes) return;
  const xml = new XmlStream(handlers);
  xml.write(bytes);
  xml.end();
}

/**
 * A string that no longer points into the piece of XML it was cut from. V8 keeps a substring as a view of its
 * parent, so a cell of a few characters would keep its whole piece of the sheet alive for as long as the grid.
 */
function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1); // the concatenation is flattened into a fresh string
}

/** Characters SpreadsheetML escapes as _xHHHH_ (control characters, and _x itself as _x005F_). */
function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** Where the workbook's parts are: the first sheet, the shared strings, the styles (read the way Excel finds them). */
function parts(zip: Uint8Array) {
  const sizes = new Map<string, number>();
  // The central directory lists every entry; only the two small parts that say where the others are are inflated.
  const found = unzipSync(zip, {
    filter: (file) => {
      sizes.set(file.name, file.originalSize);
      return file.name === WORKBOOK || file.name === WORKBOOK_RELS;
    },
  });
  if (!found[WORKBOOK]) throw new Error('not an .xlsx workbook');
  let sheetId: string | undefined;
  let firstSheet = true;
  let date1904 = false;
  parseXml(found[WORKBOOK], {
    open(name, tag) {
      if (name === 'sheet' && firstSheet) {
        firstSheet = false;
        sheetId = attr(tag, 'id');
      } else if (name === 'workbookPr') date1904 = /^(1|true)$/.test(attr(tag, 'date1904') ?? '');
    },
  });
  const rels: Array<{ id?: string; type: string; path?: string }> = [];
  parseXml(found[WORKBOOK_RELS], {
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
  const sheet = rels.find((r) => r.id === sheetId)?.path;
  return {
    sheet,
    sheetSize: sheet === undefined ? undefined : sizes.get(sheet),
    sharedStrings: rels.find((r) => r.type.endsWith('/sharedStrings'))?.path,
    styles: rels.find((r) => r.type.endsWith('/styles'))?.path,
    date1904,
  };
}

/** The shared string table: each item's visible text, every <t> run joined, phonetic guides (<rPh>) left out. */
function sharedStrings(bytes: Uint8Array | undefined): string[] {
  const strings: string[] = [];
  let item: string | undefined;
  let inText = false;
  let phonetic = 0;
  parseXml(bytes, {
    open(name) {
      if (name === 'si') item = '';
      else if (name === 'rPh') phonetic++;
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
      if (inText) item += text;
    },
  });
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

function setCell(grid: SheetGrid, row: number, col: number, text: string, date: string | null) {
  let line = grid.get(row);
  if (!line) grid.set(row, (line = { texts: [] }));
  line.texts[col] = text;
  if (date) (line.dates ??= new Map()).set(col, date);
  else line.dates?.delete(col);
}

/** What a sheet's cells mean: the shared strings they point to, the formats that show dates, the date system. */
interface SheetContext {
  shared: string[];
  dates: Set<number>;
  date1904: boolean;
}

/** Builds the grid from the sheet's XML as it arrives: rows and cells as they close, merged ranges once all are read. */
function sheetReader(context: SheetContext): { write(bytes: Uint8Array): void; end(): SheetGrid } {
  const grid: SheetGrid = new Map();
  const merges: string[] = [];
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
    if (text) setCell(grid, rowNumber, col, text, date);
  };

  const xml = new XmlStream({
    open(name, tag) {
      switch (name) {
        case 'row':
          rowNumber = Number(tag.attributes.r ?? rowNumber + 1);
          col = 0;
          break;
        case 'c': {
          const ref = tag.attributes.r;
          col = ref ? refColumn(ref) : col + 1;
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
          if (ref) merges.push(ref);
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
      if (collecting === 'v') value += text;
      else if (collecting === 't') inline += text;
    },
  });

  return {
    write: (bytes) => xml.write(bytes),
    end() {
      xml.end();
      for (const ref of merges) {
        const [from, to] = ref.split(':').map(decodeRef);
        const line = to && grid.get(from.row);
        const master = line?.texts[from.col];
        if (!master) continue;
        const date = line.dates?.get(from.col) ?? null;
        for (let r = from.row; r <= to.row; r++) {
          for (let c = from.col; c <= to.col; c++)
            if (r !== from.row || c !== from.col) setCell(grid, r, c, master, date);
        }
      }
      return grid;
    },
  };
}

/**
 * Hands one entry's bytes to `take` as they are inflated. fflate's streaming Unzip finds the entry in the
 * upload, pushed a slice at a time, and hands its compressed bytes to a decoder of ours in which node:zlib
 * inflates them off the main thread (fflate's own UnzipInflate inflates in JavaScript into a fresh buffer
 * per push: 10–25 MB more peak memory on a 50,000-row sheet). The next slice waits while zlib is behind.
 *
 * That reader walks the local headers rather than the central directory, and for entries written with a data
 * descriptor it finds the end by looking for a signature, which compressed bytes can contain by chance
 * (fflate issues #208, #243). So the entry must be found, end cleanly and have the size the central
 * directory gives, or this throws.
 */
async function streamEntry(
  zip: Uint8Array,
  name: string,
  size: number,
  take: (bytes: Uint8Array) => void,
): Promise<void> {
  let inflate: zlib.InflateRaw | undefined;
  /** Whether the entry's last compressed bytes have been handed on (nothing more to push). */
  let entryEnded = false;
  let failure: unknown;
  let seen = 0;
  let settle!: () => void;
  const finished = new Promise<void>((resolve) => (settle = resolve));
  const fail = (err: unknown) => {
    failure ??= err;
    settle();
  };

  /** The decoder fflate creates for the entry once it is started (deflated entries; stored ones pass through). */
  class ZlibInflate implements UnzipDecoder {
    static readonly compression = 8;
    ondata!: AsyncFlateStreamHandler;
    private readonly z = zlib.createInflateRaw();

    constructor() {
      inflate = this.z;
      this.z.on('data', (bytes: Buffer) => this.ondata(null, bytes as Uint8Array<ArrayBuffer>, false));
      this.z.on('end', () => this.ondata(null, new Uint8Array(0), true));
      this.z.on('error', fail);
    }

    push(chunk: Uint8Array, final: boolean): void {
      this.z.write(chunk);
      if (final) {
        entryEnded = true;
        this.z.end();
      }
    }
  }

  let found = false;
  const unzip = new Unzip((file) => {
    if (file.name !== name || found) return;
    found = true;
    file.ondata = (err, bytes, final) => {
      if (failure !== undefined) return;
      if (err) return fail(err);
      try {
        seen += bytes.length;
        take(bytes);
      } catch (e) {
        return fail(e);
      }
      if (final) {
        entryEnded = true;
        settle();
      }
    };
    file.start();
  });
  unzip.register(ZlibInflate);
  try {
    for (let at = 0; at < zip.length && !entryEnded && failure === undefined; at += PUSH_BYTES) {
      unzip.push(zip.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= zip.length);
      if (inflate?.writableNeedDrain) await Promise.race([once(inflate, 'drain'), finished]);
    }
    if (failure === undefined && !entryEnded) throw new Error(`${name}: streaming unzip did not find the whole entry`);
    await finished;
    if (failure !== undefined) throw failure;
    if (seen !== size)
      throw new Error(`${name}: streaming unzip read ${seen} bytes, the central directory says ${size}`);
  } finally {
    inflate?.destroy();
  }
}

/** The first sheet's cell values, merged ranges filled in. Throws when the bytes are not a readable .xlsx. */
export async function readGrid(zip: Buffer): Promise<SheetGrid> {
  const where = parts(zip);
  const wanted = new Set([where.sharedStrings, where.styles]);
  const found = unzipSync(zip, { filter: (file) => wanted.has(file.name) });
  const context: SheetContext = {
    shared: sharedStrings(where.sharedStrings === undefined ? undefined : found[where.sharedStrings]),
    dates: dateStyles(where.styles === undefined ? undefined : found[where.styles]),
    date1904: where.date1904,
  };
  const sheet = where.sheet;
  if (sheet === undefined || where.sheetSize === undefined) return new Map();
  try {
    const reader = sheetReader(context);
    await streamEntry(zip, sheet, where.sheetSize, (bytes) => reader.write(bytes));
    return reader.end();
  } catch {
    // Read again through the central directory, the whole entry inflated at once: slower and bigger, but
    // exact. A sheet that is not well-formed XML fails here too, and that error is the one reported.
    const reader = sheetReader(context);
    reader.write(unzipSync(zip, { filter: (file) => file.name === sheet })[sheet]);
    return reader.end();
  }
}
