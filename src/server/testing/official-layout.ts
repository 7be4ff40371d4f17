/**
 * Checks a .docx against the GB/T 9704 layout values written down in ../shared/DOMAIN.md (F10), by reading its
 * XML: the numbers here are copied from DOMAIN.md, not imported from the writer, so a change to the writer's
 * constants fails the check instead of moving it along. LibreOffice does not honour the character grid as Word
 * does, so these values — not a rendering — are what the tests hold the bulletin to.
 */
import { expect } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';

/** DOMAIN.md F10, in twips (1 mm = 1440 / 25.4 twips). */
export const GBT9704 = {
  page: { w: 11906, h: 16838 },
  margin: { top: 2098, left: 1587, right: 1474, bottom: 1984 },
  typeArea: { wMm: 156, hMm: 225 },
  grid: { type: 'linesAndChars', linePitch: 579, charSpace: -849, lines: 22, chars: 28 },
  /** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
  size: { title: 44, body: 32, pageNumber: 28 },
  font: { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: /^楷体/, pageNumber: '宋体' },
  firstLineIndent: 640,
  red: 'FF0000',
} as const;

const TWIPS_PER_MM = 1440 / 25.4;

export interface ParsedParagraph {
  xml: string;
  text: string;
  /** Each run's properties and text. */
  runs: Array<{ rPr: string; text: string }>;
}

const attr = (xml: string, tag: string, name: string) =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
const textOf = (xml: string) => [...xml.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

export function paragraphsOf(xml: string): ParsedParagraph[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => {
    const inner = m[1] ?? '';
    const runs = [...inner.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)].map((r) => ({
      rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1])?.[1] ?? '',
      text: textOf(r[1]),
    }));
    return { xml: m[0], text: textOf(inner), runs };
  });
}

const eastAsia = (rPr: string) => attr(rPr, 'w:rFonts', 'w:eastAsia');
const size = (rPr: string) => Number(attr(rPr, 'w:sz', 'w:val'));

/**
 * Reads a bulletin .docx and asserts the layout: page, margins, 版心, grid (22 lines of 28 characters), fonts
 * with the East-Asian slot named, sizes, no bold, the red 报头 with 第N期 and its thick red rule in the top third
 * of page 1, the title, first-line indents, 版记 at the foot of the last page between rules, and "— N —" page
 * numbers on the outer side. Returns the parts for further, document-specific assertions.
 */
export function expectOfficialLayout(
  bytes: Uint8Array,
  expected: { masthead: string; number: string; title: string; distribution: string[] },
) {
  const files = unzipSync(bytes);
  const doc = strFromU8(files['word/document.xml']);
  const styles = strFromU8(files['word/styles.xml']);
  const settings = strFromU8(files['word/settings.xml']);
  const sectPr = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(doc)?.[0] ?? '';

  // Page, margins and the 版心 they leave.
  expect(Number(attr(sectPr, 'w:pgSz', 'w:w'))).toBe(GBT9704.page.w);
  expect(Number(attr(sectPr, 'w:pgSz', 'w:h'))).toBe(GBT9704.page.h);
  const m = {
    top: Number(attr(sectPr, 'w:pgMar', 'w:top')),
    left: Number(attr(sectPr, 'w:pgMar', 'w:left')),
    right: Number(attr(sectPr, 'w:pgMar', 'w:right')),
    bottom: Number(attr(sectPr, 'w:pgMar', 'w:bottom')),
  };
  expect(m).toEqual(GBT9704.margin);
  const typeW = GBT9704.page.w - m.left - m.right;
  const typeH = GBT9704.page.h - m.top - m.bottom;
  expect(Math.abs(typeW / TWIPS_PER_MM - GBT9704.typeArea.wMm)).toBeLessThan(0.1);
  expect(Math.abs(typeH / TWIPS_PER_MM - GBT9704.typeArea.hMm)).toBeLessThan(0.1);

  // The grid: 22 lines per page, 28 characters per line of 3号 text.
  expect(attr(sectPr, 'w:docGrid', 'w:type')).toBe(GBT9704.grid.type);
  const linePitch = Number(attr(sectPr, 'w:docGrid', 'w:linePitch'));
  const charSpace = Number(attr(sectPr, 'w:docGrid', 'w:charSpace'));
  expect(linePitch).toBe(GBT9704.grid.linePitch);
  expect(charSpace).toBe(GBT9704.grid.charSpace);
  expect(Math.floor(typeH / linePitch)).toBe(GBT9704.grid.lines);
  // charSpace is in 4096ths of a point, added to the Normal style's character width (16 pt = 320 twips).
  const charPitch = (GBT9704.size.body / 2) * 20 + (charSpace * 20) / 4096;
  expect(Math.floor(typeW / charPitch)).toBe(GBT9704.grid.chars);

  // Normal text: 3号 仿宋_GB2312, the East-Asian slot named.
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
  expect(eastAsia(defaults)).toBe(GBT9704.font.body);
  expect(size(defaults)).toBe(GBT9704.size.body);
  const normal = /<w:style\b[^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
  expect(normal).not.toMatch(/<w:sz\b/);

  // No Word bold in the text or the styles it uses (it uses none but Normal: the library's unused Heading and
  // Strong styles stay out of it); every run that names a font names its East-Asian one.
  expect(doc).not.toMatch(/<w:[pr]Style\b/);
  for (const xml of [doc, defaults, normal]) expect(xml).not.toMatch(/<w:bC?s?(?: w:val="(?:1|true|on)")?\/>/);
  for (const f of doc.matchAll(/<w:rFonts\b[^>]*\/>/g)) expect(f[0]).toMatch(/w:eastAsia="[^"]+"/);

  const paragraphs = paragraphsOf(/<w:body>([\s\S]*)<\/w:body>/.exec(doc)?.[1] ?? '');

  // 报头: the name in large red type, 第N期, then 编发单位 left and the date right over a thick red rule.
  const name = paragraphs.findIndex((p) => p.text === expected.masthead);
  expect(name, '报头 name').toBeGreaterThanOrEqual(0);
  expect(paragraphs[name].runs[0].rPr).toContain(`<w:color w:val="${GBT9704.red}"/>`);
  expect(size(paragraphs[name].runs[0].rPr)).toBeGreaterThan(GBT9704.size.title);
  expect(paragraphs[name + 1].text).toBe(expected.number);
  const rule = paragraphs[name + 2];
  expect(rule.xml).toMatch(new RegExp(`<w:bottom w:val="thick"[^>]*w:color="${GBT9704.red}"`));
  expect(rule.xml).toMatch(new RegExp(`<w:tab w:val="right" w:pos="${typeW}"/>`));
  expect(rule.runs).toHaveLength(2);
  expect(rule.runs[1].text.startsWith('\t') || rule.xml.includes('<w:tab/>')).toBe(true);
  // The rule's depth from the page top, counting each 报头 line as the grid lines its type needs (≈1.3 em high).
  let depth = m.top;
  for (const p of paragraphs.slice(name, name + 3)) {
    depth += Number(attr(p.xml, 'w:spacing', 'w:before') ?? 0) + Number(attr(p.xml, 'w:spacing', 'w:after') ?? 0);
    const pt = Math.max(...p.runs.map((r) => size(r.rPr) / 2));
    depth += Math.ceil((pt * 1.3 * 20) / linePitch) * linePitch;
  }
  expect(depth, 'red rule within the top third of page 1').toBeLessThanOrEqual(GBT9704.page.h / 3);

  // The title in 2号 方正小标宋简体, straight after the 报头.
  const title = paragraphs.find((p) => p.text === expected.title);
  expect(title, 'title').toBeDefined();
  for (const r of title!.runs) {
    expect(eastAsia(r.rPr)).toBe(GBT9704.font.title);
    expect(size(r.rPr)).toBe(GBT9704.size.title);
  }

  // Body: justified 3号, a two-character first-line indent; 一、 in 黑体, （一） in 楷体, the rest 仿宋.
  const bodyParas = paragraphs.filter((p) => p.xml.includes('<w:jc w:val="both"/>'));
  expect(bodyParas.length).toBeGreaterThan(0);
  for (const p of bodyParas) {
    expect(attr(p.xml, 'w:ind', 'w:firstLine')).toBe(String(GBT9704.firstLineIndent));
    for (const r of p.runs) expect(size(r.rPr)).toBe(GBT9704.size.body);
    const first = eastAsia(p.runs[0]?.rPr ?? '');
    if (/^[一二三四五六七八九十]+、/.test(p.text)) expect(first).toBe(GBT9704.font.heading1);
    else if (/^（[一二三四五六七八九十]+）/.test(p.text)) expect(first).toMatch(GBT9704.font.heading2);
    else if (!p.text.startsWith('编者按：')) expect(first).toBe(GBT9704.font.body);
  }

  // 版记: a table floating at the foot of the 版心, 报/送/发 and 共印N份 in 4号, thick rules outside, thin between.
  const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => t[0]);
  const colophon = tables.at(-1) ?? '';
  expect(attr(colophon, 'w:tblpPr', 'w:tblpYSpec')).toBe('bottom');
  expect(attr(colophon, 'w:tblpPr', 'w:vertAnchor')).toBe('margin');
  expect(attr(colophon, 'w:tblW', 'w:w')).toBe(String(typeW));
  // Eighths of a point: 0.35 mm ≈ 1 pt (8), 0.25 mm ≈ ¾ pt (6).
  expect(colophon).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/);
  expect(colophon).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"\/>/);
  expect(colophon).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"\/>/);
  const lines = paragraphsOf(colophon);
  expect(lines.map((l) => l.text)).toEqual(expected.distribution);
  for (const l of lines) for (const r of l.runs) expect(size(r.rPr)).toBe(GBT9704.size.pageNumber);
  // Nothing but the table's empty anchor paragraph after it.
  expect(doc.slice(doc.lastIndexOf('</w:tbl>'))).toMatch(/^<\/w:tbl><w:p\/><w:sectPr/);

  // Page numbers "— N —" in 4号 宋体: the default (odd) footer right, the even one left, one character in.
  expect(settings).toContain('<w:evenAndOddHeaders/>');
  const footerFile = (type: string) => {
    const rid = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(sectPr)?.[1];
    const rels = strFromU8(files['word/_rels/document.xml.rels']);
    const target =
      new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
    return strFromU8(files[`word/${target}`]);
  };
  for (const [type, side] of [
    ['default', 'right'],
    ['even', 'left'],
  ] as const) {
    const footer = footerFile(type);
    const [p] = paragraphsOf(footer);
    expect(p.xml).toContain(`<w:jc w:val="${side}"/>`);
    expect(attr(p.xml, 'w:ind', `w:${side}`)).toBe('280');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(p.text).toBe('—  —');
    for (const r of p.runs) {
      expect(size(r.rPr)).toBe(GBT9704.size.pageNumber);
      expect(eastAsia(r.rPr)).toBe(GBT9704.font.pageNumber);
    }
  }
  return { doc, styles, paragraphs };
}
