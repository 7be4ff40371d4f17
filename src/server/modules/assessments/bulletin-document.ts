/**
 * 考核结果通报 as an official document: the ranking of each peer group with its stars, in the GB/T 9704 layout of
 * the bulletin writer. Pure: the rows are the ones the caller may see on the scores page.
 */
import { cnDate, type OfficialDocument } from '../bulletins/public.ts';
import { today } from '../../clock.ts';
import { ASSESSMENT_PHASES, phaseOf } from './lifecycle.ts';
import { stateOf } from './policy.ts';
import { groupsOf } from './compute-scores.ts';
import type { presentScores } from './presenter.ts';
import type { AssessmentRow } from './repository.ts';

type Scores = ReturnType<typeof presentScores>;
type Item = Scores['items'][number];

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const RANKING_HEADER = ['名次', '单位', '得分', '星级'];

/** ★★★★★ for five stars; 一票否决 for a cancelled rating; — for none. */
export function starText(r: Pick<Item, 'stars' | 'vetoed'>): string {
  if (r.vetoed) return '一票否决';
  return r.stars ? '★'.repeat(r.stars) : '—';
}

/** One group's table rows, in rank order (ties share a rank). */
export const rankingRows = (items: Item[]): string[][] =>
  items.map((r) => [String(r.rank ?? '—'), r.orgName, String(r.score ?? '—'), starText(r)]);

export function assessmentBulletin(a: AssessmentRow, scores: Scores): OfficialDocument {
  const phase = phaseOf(stateOf(a), today());
  const blocks: OfficialDocument['blocks'] = [
    {
      kind: 'paragraph',
      text: `根据${a.name}安排，对${a.orgName}所属单位${a.periodFrom}至${a.periodTo}的工作进行了考核。现将考核结果（${ASSESSMENT_PHASES[phase]}）通报如下。`,
    },
  ];
  groupsOf(a).forEach((g, i) => {
    const items = scores.items.filter((r) => r.group === g.key);
    const unscored = scores.unscored.filter((r) => r.group === g.key);
    blocks.push({ kind: 'heading1', text: `${CN_NUMBERS[i] ?? i + 1}、${g.label}（${items.length}个单位参与排名）` });
    if (items.length)
      blocks.push({ kind: 'table', header: RANKING_HEADER, rows: rankingRows(items), widths: [0.14, 0.5, 0.16, 0.2] });
    if (unscored.length)
      blocks.push({
        kind: 'paragraph',
        text: `无考核数据、不参与排名的单位：${unscored.map((u) => u.orgName).join('、')}。`,
      });
  });
  return {
    masthead: { name: '考核结果通报', number: a.period, issuer: a.orgName, date: cnDate(today()) },
    title: `关于${a.name}结果的通报`,
    blocks,
    distribution: { lines: [{ label: '发', text: '各参评单位' }] },
  };
}
