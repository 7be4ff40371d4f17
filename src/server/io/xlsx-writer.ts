/**
 * Renders a SheetSpec as a print-ready .xlsx by writing the SpreadsheetML itself: a title row, a bold frozen
 * header, borders, widths, merged cells and landscape A4 page setup. Rows may arrive in batches from an
 * async source, and each batch becomes XML and is compressed before the next is fetched — so a ledger of
 * hundreds of thousands of rows costs seconds and only its compressed size in memory (a general-purpose
 * workbook model needs a style object per cell and checks every merge against every other).
 */
import zlib from 'node:zlib';
import { type AsyncFlateStreamHandler, Zip, type ZipInputFile } from 'fflate';
import type { SheetSpec } from './sheet-spec.ts';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** Style ids in styles.xml below. */
const TITLE = 1;
const HEADER = 2;
const BODY = 3;
/** Rows per batch when the rows come as one array. */
const BATCH = 2_000;
/**
 * Characters of XML handed to the compressor at a time. Small enough that each piece stays an ordinary
 * young-generation string: strings past ~128 KB go to V8's large-object space, which only a full GC frees,
 * and a big export then holds hundreds of megabytes of dead XML.
 */
const CHUNK_CHARS = 16_000;
/** Merged groups written per piece of the <mergeCells> list (each a few ranges of ~35 characters). */
const MERGE_GROUPS = 100;

const UTF8 = new TextEncoder();
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe inside XML: entities escaped, characters XML 1.0 forbids dropped. */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => ENTITIES[c]);
}

/** Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cell(ref: string, style: number, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return `<c r="${ref}" s="${style}"/>`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  const text = xmlText(String(value));
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

async function* batchesOf<Row>(rows: Row[] | AsyncIterable<Row[]>): AsyncGenerator<Row[]> {
  if (Array.isArray(rows)) for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
  else yield* rows;
}

/** The worksheet XML, batch by batch; merges are collected on the way and written at the end, as the format wants. */
async function* worksheet<Row>(spec: SheetSpec<Row>, rows: Row[] | AsyncIterable<Row[]>): AsyncGenerator<string> {
  const letters = spec.columns.map((_, i) => columnName(i));
  const last = letters[letters.length - 1];
  const cols = spec.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  yield `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A3" sqref="A3"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>` +
    `<row r="1" ht="32" customHeight="1">${letters.map((l, i) => cell(`${l}1`, TITLE, i === 0 ? spec.title : null)).join('')}</row>` +
    `<row r="2" ht="24" customHeight="1">${spec.columns.map((c, i) => cell(`${letters[i]}2`, HEADER, c.header)).join('')}</row>`;

  const title = spec.columns.length > 1 ? `A1:${last}1` : null;
  const mergeBy = spec.mergeBy;
  const merged = new Set(mergeBy?.columns ?? []);
  const mergedColumns = [...merged];
  /**
   * The merged groups as first and last row, two numbers each: a city ledger has 100,000 groups over nine
   * columns, which as range strings would be 900,000 strings alive until the end of the sheet.
   */
  const groups: number[] = [];
  let r = 2;
  let groupStart = 0;
  let groupKey: string | number | undefined;
  const closeGroup = (end: number) => {
    if (groupStart && end > groupStart && merged.size) groups.push(groupStart, end);
  };
  let xml = '';
  for await (const batch of batchesOf(rows)) {
    for (const row of batch) {
      r++;
      const key = mergeBy?.key(row);
      // A row continuing a merged group leaves the merged columns empty, as spreadsheet programs do.
      const continues = mergeBy !== undefined && groupStart > 0 && key === groupKey;
      if (mergeBy && !continues) {
        closeGroup(r - 1);
        groupStart = r;
        groupKey = key;
      }
      xml += `<row r="${r}">`;
      spec.columns.forEach((c, i) => {
        xml += cell(`${letters[i]}${r}`, BODY, continues && merged.has(i) ? null : c.value(row));
      });
      xml += '</row>';
      if (xml.length >= CHUNK_CHARS) {
        yield xml;
        xml = '';
      }
    }
  }
  closeGroup(r);
  yield `${xml}</sheetData>`;
  const count = (title ? 1 : 0) + (groups.length / 2) * merged.size;
  if (count) {
    yield `<mergeCells count="${count}">${title ? `<mergeCell ref="${title}"/>` : ''}`;
    for (let g = 0; g < groups.length; ) {
      let text = '';
      for (const stop = Math.min(groups.length, g + 2 * MERGE_GROUPS); g < stop; g += 2)
        for (const c of mergedColumns)
          text += `<mergeCell ref="${letters[c]}${groups[g]}:${letters[c]}${groups[g + 1]}"/>`;
      yield text;
    }
    yield '</mergeCells>';
  }
  yield `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>';
}

const font = (name: string, size: number, bold = false) =>
  `<font>${bold ? '<b/>' : ''}<sz val="${size}"/><name val="${name}"/><charset val="134"/></font>`;
const thin = (side: string) => `<${side} style="thin"><color indexed="64"/></${side}>`;

const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}">` +
  `<fonts count="4">${font('宋体', 11)}${font('方正小标宋简体', 16, true)}${font('黑体', 11, true)}${font('仿宋_GB2312', 11)}</fonts>` +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${['left', 'right', 'top', 'bottom'].map(thin).join('')}<diagonal/></border></borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="3" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function packageParts(sheetName: string) {
  const name = xmlText(sheetName);
  const type = (t: string) => `application/vnd.openxmlformats-${t}+xml`;
  return {
    '[Content_Types].xml':
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="${type('package.relationships')}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${type('officedocument.spreadsheetml.sheet.main')}"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${type('officedocument.spreadsheetml.worksheet')}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${type('officedocument.spreadsheetml.styles')}"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="${type('package.core-properties')}"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${type('officedocument.extended-properties')}"/></Types>`,
    '_rels/.rels':
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    'docProps/core.xml':
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>台账</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${new Date().toISOString().slice(0, 19)}Z</dcterms:created></cp:coreProperties>`,
    'docProps/app.xml': `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>台账</Application></Properties>`,
    'xl/workbook.xml':
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets>` +
      `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${name.replace(/'/g, "''")}'!$2:$2</definedName></definedNames></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
  };
}

/**
 * One entry of the archive: fflate's Zip writes the container (local header, data descriptor, central
 * directory) from the name, size and CRC kept here and the compressed chunks handed to it, and node:zlib
 * deflates the text off the main thread as it arrives (the producer waits when zlib lags, so only compressed
 * bytes pile up). fflate's own ZipDeflate compresses in JavaScript on the main thread: a 300,000-row ledger
 * took 2 s longer and ~80 MB more memory that way.
 */
class ZlibEntry implements ZipInputFile {
  readonly filename: string;
  readonly compression = 8; // deflate
  size = 0;
  crc = 0;
  /** Set by Zip.add. */
  ondata?: AsyncFlateStreamHandler;
  private readonly deflate: zlib.DeflateRaw;
  private readonly finished: Promise<void>;

  constructor(name: string, level: number) {
    this.filename = name;
    this.deflate = zlib.createDeflateRaw({ level });
    this.deflate.on('data', (chunk: Buffer) => this.ondata!(null, chunk as Uint8Array<ArrayBuffer>, false));
    this.finished = new Promise((resolve, reject) => {
      this.deflate.on('error', reject);
      this.deflate.on('end', () => {
        this.ondata!(null, new Uint8Array(0), true); // Zip writes the data descriptor from size and crc
        resolve();
      });
    });
    this.finished.catch(() => {}); // awaited in end(); an early zlib error must not go unhandled meanwhile
  }

  /**
   * One buffer the text is encoded into, reused for every piece: zlib is done with it once the write's
   * callback has run. A fresh buffer per piece outlives a few young-generation collections while zlib works
   * on it, so each was promoted and tens of MB of them waited for a full collection.
   */
  private scratch = Buffer.allocUnsafe(0);

  async write(text: string): Promise<void> {
    if (this.scratch.length < text.length * 3) this.scratch = Buffer.allocUnsafe(Math.max(64 * 1024, text.length * 3));
    const { written } = UTF8.encodeInto(text, this.scratch);
    const bytes = this.scratch.subarray(0, written);
    this.crc = zlib.crc32(bytes, this.crc);
    this.size += written;
    await new Promise<void>((resolve, reject) =>
      this.deflate.write(bytes, (error) => (error ? reject(error) : resolve())),
    );
  }

  end(): Promise<void> {
    this.deflate.end();
    return this.finished;
  }
}

/** A ZIP archive built with fflate's streaming Zip; entries are compressed as their text arrives and only compressed bytes are kept. */
class Archive {
  private readonly parts: Buffer[] = [];
  private failure: Error | null = null;
  private finished = false;
  private readonly zip = new Zip((err, chunk, final) => {
    if (err) this.failure ??= err;
    else this.parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)); // a view, not a copy
    if (final) this.finished = true;
  });

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Adds an entry whose text comes as one string or in pieces produced one after another. */
  async add(name: string, content: string | AsyncIterable<string>, level = 6): Promise<void> {
    const entry = new ZlibEntry(name, level);
    this.zip.add(entry);
    for await (const text of typeof content === 'string' ? [content] : content) await entry.write(text);
    await entry.end();
    this.check();
  }

  /** The finished archive as the pieces it was built from (no copy into one buffer). */
  end(): Buffer[] {
    this.zip.end(); // every entry is complete, so the central directory is written at once
    this.check();
    if (!this.finished) throw new Error('ZIP archive not finished');
    return this.parts;
  }
}

/** A workbook of one sheet: the spec's title, header and rows (an array, or batches from an async source), as the archive's pieces. */
export async function writeSheet<Row>(spec: SheetSpec<Row>, rows: Row[] | AsyncIterable<Row[]>): Promise<Buffer[]> {
  const zip = new Archive();
  for (const [name, xml] of Object.entries(packageParts(spec.sheetName))) await zip.add(name, xml);
  // A lighter compression level: the sheet is most of the file and most of the time.
  await zip.add('xl/worksheets/sheet1.xml', worksheet(spec, rows), 4);
  return zip.end();
}
