import type { OfficialDocument } from '../../io/docx-writer.ts';
import { shanghaiDate, today } from '../../clock.ts';
import { cnDate, numberedHeading, numberedItem, type Section } from './compile.ts';
import type { BulletinRow } from './repository.ts';

export interface Distribution {
  report?: string;
  send?: string;
  distribute?: string;
  copies?: number;
}

/** "第3期", "增刊第1期"; a draft has no number yet. */
export function numberLabel(kind: string, number: number | null): string {
  const n = number === null ? '（待签发）' : String(number);
  return `${kind === 'supplement' ? '增刊' : ''}第${n}期`;
}

/** A bulletin as an official document: 报头, title, 编者按, numbered sections, 报尾. */
export function bulletinDocument(b: BulletinRow): OfficialDocument {
  const sections: Section[] = JSON.parse(b.sections);
  const dist: Distribution = JSON.parse(b.distribution);
  const blocks: OfficialDocument['blocks'] = [];
  if (b.editorNote.trim()) blocks.push({ kind: 'note', text: b.editorNote.trim() });
  sections.forEach((s, i) => {
    blocks.push({ kind: 'heading1', text: `${numberedHeading(i)}${s.heading}` });
    let sub = 0;
    for (const item of s.items) {
      if (item.subtitle) blocks.push({ kind: 'heading2', text: `${numberedItem(sub++)}${item.subtitle}` });
      for (const para of item.text.split(/\n+/).filter((t) => t.trim())) blocks.push({ kind: 'paragraph', text: para });
    }
  });
  const lines = [
    { label: '报', text: dist.report ?? '' },
    { label: '送', text: dist.send ?? '' },
    { label: '发', text: dist.distribute ?? '' },
  ].filter((l) => l.text.trim());
  return {
    masthead: {
      name: b.masthead,
      number: numberLabel(b.kind, b.number),
      issuer: b.issuer,
      date: cnDate(b.issuedAt ? shanghaiDate(new Date(b.issuedAt)) : today()),
    },
    title: b.title,
    blocks,
    distribution: { lines, copies: dist.copies ? `（共印${dist.copies}份）` : undefined },
  };
}
