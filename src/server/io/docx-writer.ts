/**
 * Renders an official-document model (报头, title, blocks, 报尾) as a .docx in the GB/T 9704 layout: A4, the
 * standard margins, a 22 × 28 character grid, East-Asian fonts named in every font slot, "— N —" page numbers
 * on the outer side. Only layout lives here; what the blocks say is the caller's business.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';

/** GB/T 9704-2012 values in twips (1 mm = 56.7 twips; the library's converter floors, so the values are written out). */
export const LAYOUT = {
  pageWidth: 11906,
  pageHeight: 16838,
  marginTop: 2098,
  marginBottom: 1984,
  marginLeft: 1587,
  marginRight: 1474,
  /** 22 lines of 3号 text over the 225 mm 版心 height. */
  linePitch: 579,
  /** 28 characters of 3号 text over the 156 mm 版心 width, relative to the 16 pt Normal style. */
  charSpace: -849,
  /** Two 3号 characters. */
  firstLineIndent: 640,
} as const;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, masthead: 80 } as const;
const RED = 'FF0000';
export const TEXT_WIDTH = LAYOUT.pageWidth - LAYOUT.marginLeft - LAYOUT.marginRight;
/** One 4号 (14 pt) character: what 页码 and 版记 lines keep free from the edge. */
const ONE_CHAR_4HAO = 280;

/** A ruled table in the body (e.g. a 通报's ranking): a header row repeated on each page, then the rows. */
export interface TableBlock {
  kind: 'table';
  header: string[];
  rows: string[][];
  /** Column shares of the 版心 width (summing to 1); equal when left out. */
  widths?: number[];
}
export type TextBlock = { kind: 'note' | 'heading1' | 'heading2' | 'paragraph'; text: string };

export interface OfficialDocument {
  masthead: { name: string; number: string; issuer: string; date: string };
  title: string;
  blocks: Array<TextBlock | TableBlock>;
  /** 报尾: 报/送/发 lines, then 共印N份. */
  distribution: { lines: Array<{ label: string; text: string }>; copies?: string };
}

/** All four font slots, so Word never substitutes a Latin font for Chinese text. */
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const run = (text: string, name: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(name), size, ...extra });

const body = (children: TextRun[], indent = true) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: LAYOUT.firstLineIndent } : undefined,
    children,
  });

function masthead(m: OfficialDocument['masthead']): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // One grid line above: with the 报头's four lines the red rule stays in the top third of page 1.
      spacing: { before: LAYOUT.linePitch, after: 240 },
      children: [run(m.name, FONTS.title, SIZE.masthead, { color: RED })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(m.number, FONTS.body, SIZE.body)] }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      // The thick red rule under the 报头.
      border: { bottom: { style: BorderStyle.THICK, size: 24, color: RED, space: 4 } },
      children: [run(m.issuer, FONTS.body, SIZE.body), run(`\t${m.date}`, FONTS.body, SIZE.body)],
    }),
    new Paragraph({ children: [] }),
  ];
}

/**
 * A table in 4号 仿宋 (the header in 黑体, never bold), centred cells, single thin black rules, the header row
 * repeated on every page and no row split across pages.
 */
function table(t: TableBlock): Array<Table | Paragraph> {
  const shares = t.widths ?? t.header.map(() => 1 / t.header.length);
  const widths = shares.map((w) => Math.floor(w * TEXT_WIDTH));
  const rule = { style: BorderStyle.SINGLE, size: RULE.thin, color: '000000' };
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run(text, header ? FONTS.heading1 : FONTS.body, SIZE.pageNumber)],
              }),
            ],
          }),
      ),
    });
  return [
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
      rows: [row(t.header, true), ...t.rows.map((r) => row(r, false))],
    }),
    // A table is followed by a paragraph, so two tables never run together.
    new Paragraph({ children: [] }),
  ];
}

function block(b: TextBlock): Paragraph {
  switch (b.kind) {
    case 'heading1':
      return body([run(b.text, FONTS.heading1, SIZE.body)]);
    case 'heading2':
      return body([run(b.text, FONTS.heading2, SIZE.body)]);
    case 'note':
      return body([run('编者按：', FONTS.heading1, SIZE.body), run(b.text, FONTS.heading2, SIZE.body)]);
    default:
      return body([run(b.text, FONTS.body, SIZE.body)]);
  }
}

/** GB/T 9704 版记 rules: the first and last 0.35 mm (粗线), the ones between 0.25 mm (细线); sizes in eighths of a point. */
const RULE = { thick: 8, thin: 6 } as const;

/**
 * 报尾 (版记) at the foot of the last page: 报/送/发 lines and 共印N份 in 4号 仿宋, one character in from each side,
 * between a thick rule above and below with thin rules between. A table floating at the bottom of the 版心, so it
 * sits at the foot of whatever page the text ends on instead of straight after the last paragraph.
 */
function distribution(d: OfficialDocument['distribution']): Array<Table | Paragraph> {
  const rows = [
    ...d.lines.map((l) => ({ text: `${l.label}：${l.text}`, alignment: AlignmentType.LEFT })),
    ...(d.copies ? [{ text: d.copies, alignment: AlignmentType.RIGHT }] : []),
  ];
  if (!rows.length) return [];
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
    borders: {
      top: { style: BorderStyle.SINGLE, size: RULE.thick, color: '000000' },
      bottom: { style: BorderStyle.SINGLE, size: RULE.thick, color: '000000' },
      insideHorizontal: { style: BorderStyle.SINGLE, size: RULE.thin, color: '000000' },
      left: none,
      right: none,
      insideVertical: none,
    },
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: TEXT_WIDTH, type: WidthType.DXA },
              margins: { left: 0, right: 0 },
              children: [
                new Paragraph({
                  alignment: r.alignment,
                  indent: { left: ONE_CHAR_4HAO, right: ONE_CHAR_4HAO },
                  children: [run(r.text, FONTS.body, SIZE.pageNumber)],
                }),
              ],
            }),
          ],
        }),
    ),
  });
  // The table's anchor: Word wants the body to end on a paragraph.
  return [table, new Paragraph({ children: [] })];
}

/** "— N —" in 4号 宋体, on the outer side: right on odd pages, left on even pages. */
function pageFooter(alignment: (typeof AlignmentType)['RIGHT' | 'LEFT']): Footer {
  const f = font(FONTS.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: ONE_CHAR_4HAO } : { left: ONE_CHAR_4HAO },
        children: [
          new TextRun({ text: '— ', font: f, size: SIZE.pageNumber }),
          new TextRun({ children: [PageNumber.CURRENT], font: f, size: SIZE.pageNumber }),
          new TextRun({ text: ' —', font: f, size: SIZE.pageNumber }),
        ],
      }),
    ],
  });
}

/** The document as .docx bytes. */
export async function renderOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: LAYOUT.pageWidth, height: LAYOUT.pageHeight },
            margin: {
              top: LAYOUT.marginTop,
              bottom: LAYOUT.marginBottom,
              left: LAYOUT.marginLeft,
              right: LAYOUT.marginRight,
              header: 851,
              footer: 992,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LAYOUT.linePitch, charSpace: LAYOUT.charSpace },
        },
        footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
        children: [
          ...masthead(doc.masthead),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: LAYOUT.linePitch },
            children: [run(doc.title, FONTS.title, SIZE.title)],
          }),
          ...doc.blocks.flatMap((b) => (b.kind === 'table' ? table(b) : [block(b)])),
          ...distribution(doc.distribution),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
