import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { FONTS, LAYOUT, renderOfficialDocument } from './docx-writer.ts';

const attr = (xml: string, tag: string, name: string) =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

describe('official-layout .docx', () => {
  it('carries the GB/T 9704 page, margins, grid, fonts, red 报头 rule and outer page numbers in its XML', async () => {
    const bytes = await renderOfficialDocument({
      masthead: {
        name: '主题教育工作简报',
        number: '第3期',
        issuer: '市主题教育领导小组办公室',
        date: '2026年12月1日',
      },
      title: '全市主题教育扎实推进',
      blocks: [
        { kind: 'note', text: '现将有关情况编发。' },
        { kind: 'heading1', text: '一、总体情况' },
        { kind: 'heading2', text: '（一）理论学习' },
        { kind: 'paragraph', text: '本期共开展集中学习12次。' },
      ],
      distribution: { lines: [{ label: '报', text: '市委' }], copies: '共印30份' },
    });
    const files = unzipSync(new Uint8Array(bytes));
    const doc = strFromU8(files['word/document.xml']);
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe(String(LAYOUT.pageWidth));
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(doc, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(doc, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(doc, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(doc, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attr(doc, 'w:docGrid', 'w:type')).toBe('linesAndChars');
    expect(attr(doc, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(attr(doc, 'w:docGrid', 'w:charSpace')).toBe('-849');
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc).toContain('w:eastAsia="黑体"');
    expect(doc).toContain('w:eastAsia="楷体_GB2312"');
    expect(doc).toContain('第3期');
    expect(doc).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(doc).toMatch(/<w:bottom w:val="thick"[^>]*w:color="FF0000"/);
    expect(attr(doc, 'w:ind', 'w:firstLine')).toBe('640');
    expect(doc).not.toContain('<w:b/>');
    const styles = strFromU8(files['word/styles.xml']);
    expect(styles).toMatch(
      /<w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"\/>/,
    );
    expect(styles).toMatch(/<w:sz w:val="32"\/>/);
    expect(strFromU8(files['word/settings.xml'])).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.keys(files)
      .filter((f) => /^word\/footer\d+\.xml$/.test(f))
      .map((f) => strFromU8(files[f]));
    expect(footers).toHaveLength(2);
    const odd = footers.find((f) => f.includes('w:val="right"'))!;
    const even = footers.find((f) => f.includes('w:val="left"'))!;
    for (const f of [odd, even]) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
      expect(f).toContain(`w:eastAsia="${FONTS.pageNumber}"`);
    }
    // Which footer is the odd one is decided by the section's references.
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
  });
});
