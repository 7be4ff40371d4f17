/** How a draft 简报 is filled from a period's records: pure, so the wording can be tested without a database. */
import { CHECK_METHODS, HIGHLIGHT_KINDS, type CheckMethod, type HighlightKind } from '../../../shared/check-enums.ts';

export interface Section {
  heading: string;
  items: Array<{ subtitle: string; text: string }>;
}

export interface CompileInput {
  orgName: string;
  periodFrom: string;
  periodTo: string;
  figures: {
    asOf: string;
    problems: { total: number; closed: number; overdue: number; onTime: number };
    study: { sessions: number; attendanceRate: number; openMakeups: number };
    research: { topics: number; reported: number; recommended: number };
  };
  highlights: Array<{ orgName: string; kind: string; text: string; entityLabel: string }>;
  checks: Array<{ orgName: string; date: string; method: string; findings: string[] }>;
  exemplars: Array<{ name: string; honour: string; deeds: string }>;
}

const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The figures paragraph: every work line's numbers, as the dashboard shows them. */
export function figuresText(i: CompileInput): string {
  const { problems: p, study: s, research: r } = i.figures;
  return (
    `截至${cnDate(i.figures.asOf)}，${i.orgName}共查摆问题${p.total}个，已整改销号${p.closed}个（按时销号${p.onTime}个），` +
    `逾期未完成${p.overdue}个；开展集体学习${s.sessions}次，平均参学率${pct(s.attendanceRate)}，待补学${s.openMakeups}人次；` +
    `领题调研课题${r.topics}个，形成调研报告${r.reported}篇，择优推送${r.recommended}篇。`
  );
}

/** "2026-12-01" → "2026年12月1日". */
export function cnDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The draft's sections: 总体情况, then 亮点做法, 督导检查 and 先进典型 where the period has any. */
export function compileSections(i: CompileInput): Section[] {
  const sections: Section[] = [{ heading: '总体情况', items: [{ subtitle: '', text: figuresText(i) }] }];
  if (i.highlights.length)
    sections.push({
      heading: '亮点做法',
      items: i.highlights.map((h) => ({
        subtitle: `${h.orgName}${HIGHLIGHT_KINDS[h.kind as HighlightKind] ?? ''}：${h.entityLabel}`,
        text: h.text,
      })),
    });
  if (i.checks.length)
    sections.push({
      heading: '督导检查',
      items: i.checks.map((c) => ({
        subtitle: `${c.orgName}（${cnDate(c.date)}，${CHECK_METHODS[c.method as CheckMethod] ?? c.method}）`,
        text: c.findings.length
          ? `发现问题${c.findings.length}个：${c.findings.map((f, k) => `${k + 1}. ${f}`).join(' ')}已转入问题清单整改。`
          : '未发现问题。',
      })),
    });
  if (i.exemplars.length)
    sections.push({
      heading: '先进典型',
      items: i.exemplars.map((e) => ({ subtitle: `${e.name}（${e.honour}）`, text: e.deeds })),
    });
  return sections;
}

/** Headings numbered 一、二、… and items （一）（二）… as official documents number them. */
export function numberedHeading(index: number): string {
  return `${NUMERALS[index] ?? String(index + 1)}、`;
}
export function numberedItem(index: number): string {
  return `（${NUMERALS[index] ?? String(index + 1)}）`;
}
