/** Hostile .xlsx files for the import tests: built here byte by byte, so sizes can be declared falsely. */
import zlib from 'node:zlib';

interface Part {
  name: string;
  /** Deflated bytes as stored. */
  data: Buffer;
  /** Size declared in the headers (the truth unless a test lies). */
  size: number;
}

/** A ZIP of deflated entries (CRC left 0: the reader checks declared sizes, not checksums). */
export function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    central.push(entry, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const deflated = (xml: string): Part => {
  const bytes = Buffer.from(xml);
  return { name: '', data: zlib.deflateRawSync(bytes), size: bytes.length };
};

/** Deflates `head`, then `fill` repeated `times`, then `tail`, streaming (the inflated whole is never held). */
async function deflateRepeated(head: string, fill: Buffer, times: number, tail: string): Promise<Part> {
  const z = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => z.on('end', resolve));
  z.write(head);
  for (let i = 0; i < times; i++) if (!z.write(fill)) await new Promise((r) => z.once('drain', r));
  z.end(tail);
  await done;
  return { name: '', data: Buffer.concat(out), size: head.length + fill.length * times + tail.length };
}

const SHEET_HEAD =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** A workbook whose sheets (tabs a, b, c …) are the given parts. */
export function workbookWith(...sheets: Part[]): Buffer {
  const tabs = sheets.map(
    (_, i) => `<sheet name="${String.fromCharCode(97 + i)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  const rels = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  return zipOf([
    {
      ...deflated(
        `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${tabs.join('')}</sheets></workbook>`,
      ),
      name: 'xl/workbook.xml',
    },
    { ...deflated(`<Relationships>${rels.join('')}</Relationships>`), name: 'xl/_rels/workbook.xml.rels' },
    ...sheets.map((sheet, i) => ({ ...sheet, name: `xl/worksheets/sheet${i + 1}.xml` })),
  ]);
}

const MB = 1024 * 1024;

/** A sheet of `mb` megabytes of whitespace between two rows (a text node the size of the sheet). */
export const whitespaceSheet = (mb: number) => deflateRepeated(SHEET_HEAD, Buffer.alloc(MB, ' '), mb, SHEET_TAIL);

/** Whitespace between cells in slices small enough to pass the token bound: only the size bound stops it. */
export const spacedSheet = (mb: number) =>
  deflateRepeated(SHEET_HEAD, Buffer.from(`${' '.repeat(MB / 16 - 7)}<row/>\n`.repeat(16)), mb, SHEET_TAIL);

/** The same, declared as `declaredBytes` in the ZIP (a lying header). */
export async function lyingSheet(mb: number, declaredBytes: number): Promise<Part> {
  return { ...(await spacedSheet(mb)), size: declaredBytes };
}

/** `rows` rows of one inline-string cell each. */
export function manyRowsSheet(rows: number): Part {
  let xml = SHEET_HEAD;
  for (let r = 1; r <= rows; r++) xml += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row>`;
  return deflated(xml + SHEET_TAIL);
}

/** One cell merged over the whole sheet. */
export const mergeBombSheet = (): Part =>
  deflated(
    `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`,
  );

/** One row of `thousands` × 1000 cells written without references (each the column after the last): past Excel's XFD. */
export const wideSheet = (thousands: number): Promise<Part> =>
  deflateRepeated(
    `${SHEET_HEAD}<row r="1">`,
    Buffer.from('<c t="inlineStr"><is><t>x</t></is></c>'.repeat(1000)),
    thousands,
    `</row>${SHEET_TAIL}`,
  );

/** `count` ranges, all over the same cells of the first rows (Excel never writes overlapping ranges). */
export const overlappingMergesSheet = (count: number): Part =>
  deflated(
    `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row></sheetData><mergeCells>${'<mergeCell ref="A1:BL100000"/>'.repeat(count)}</mergeCells></worksheet>`,
  );

/** `mb` megabytes of bytes from a fixed-seed generator (no ZIP, no text), optionally after a ZIP's magic. */
export function junk(mb: number, zipMagic = false): Buffer {
  const bytes = Buffer.alloc(mb * MB);
  let x = 0x2545f491;
  for (let i = 0; i < bytes.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes.writeInt32LE(x | 0, i);
  }
  if (zipMagic) bytes.writeUInt32LE(0x04034b50, 0);
  return bytes;
}
