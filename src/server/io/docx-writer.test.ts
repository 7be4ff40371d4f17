import { describe, expect, it } from 'vitest';
import { expectOfficialLayout } from '../testing/official-layout.ts';
import { renderOfficialDocument, type OfficialDocument } from './docx-writer.ts';

const sample: OfficialDocument = {
  masthead: { name: '主题教育工作简报', number: '第3期', issuer: '市主题教育领导小组办公室', date: '2026年12月1日' },
  title: '全市主题教育扎实推进',
  blocks: [
    { kind: 'note', text: '现将有关情况编发。' },
    { kind: 'heading1', text: '一、总体情况' },
    { kind: 'heading2', text: '（一）理论学习' },
    { kind: 'paragraph', text: '本期共开展集中学习12次。' },
  ],
  distribution: {
    lines: [
      { label: '报', text: '市委' },
      { label: '发', text: '各党支部' },
    ],
    copies: '（共印30份）',
  },
};

describe('official-layout .docx', () => {
  it('carries the GB/T 9704 page, margins, 22 × 28 grid, fonts, red 报头 rule, 版记 and outer page numbers in its XML', async () => {
    const bytes = new Uint8Array(await renderOfficialDocument(sample));
    const { paragraphs } = expectOfficialLayout(bytes, {
      masthead: '主题教育工作简报',
      number: '第3期',
      title: '全市主题教育扎实推进',
      distribution: ['报：市委', '发：各党支部', '（共印30份）'],
    });
    const note = paragraphs.find((p) => p.text.startsWith('编者按：'))!;
    expect(note.runs.map((r) => /w:eastAsia="([^"]+)"/.exec(r.rPr)?.[1])).toEqual(['黑体', '楷体_GB2312']);
    expect(paragraphs.map((p) => p.text)).toContain('本期共开展集中学习12次。');
  });

  it('the check fails on a document outside the layout (it is not a check that cannot fail)', async () => {
    const bytes = new Uint8Array(await renderOfficialDocument(sample));
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    const files = unzipSync(bytes);
    const broken = (from: string, to: string) => {
      const doc = strFromU8(files['word/document.xml']);
      expect(doc).toContain(from);
      return zipSync({ ...files, 'word/document.xml': strToU8(doc.replace(from, to)) });
    };
    const expected = {
      masthead: '主题教育工作简报',
      number: '第3期',
      title: '全市主题教育扎实推进',
      distribution: ['报：市委', '发：各党支部', '（共印30份）'],
    };
    expect(() => expectOfficialLayout(broken('w:linePitch="579"', 'w:linePitch="600"'), expected)).toThrow();
    expect(() => expectOfficialLayout(broken('w:left="1587"', 'w:left="1800"'), expected)).toThrow();
    expect(() => expectOfficialLayout(broken('w:tblpYSpec="bottom"', 'w:tblpYSpec="top"'), expected)).toThrow();
    expect(() =>
      expectOfficialLayout(broken('<w:jc w:val="both"/>', '<w:jc w:val="both"/><w:b/>'), expected),
    ).toThrow();
  });
});
