import { ratio } from '../../lib/format.ts';
import type { Dashboard, UnitFigures } from './use-dashboard.ts';

/** A direct child unit this many percentage points behind its upper unit is shown as 落后 (上下不平衡). */
export const LAG_POINTS = 20;
/** Direct child units whose 销号率 differ by this many points or more are 左右不平衡. */
export const SPREAD_POINTS = 30;

/** 销号率 of a set of figures, 0–1. */
export const closingRate = (f: Pick<UnitFigures, 'problems'>) => ratio(f.problems.closed, f.problems.total);

const points = (x: number) => Math.round(x * 100);

export interface Balance {
  /** Why each lagging child unit is behind, by orgId (absent when it is not). */
  lagging: Map<number, string[]>;
  /** The widest gap in 销号率 between direct child units, when it is wide enough to report. */
  spread: { high: UnitFigures; low: UnitFigures; points: number } | null;
}

/**
 * 上下不平衡 and 左右不平衡 among a unit's direct children. A rate only counts where there is something
 * behind it: a child with no problems has nothing to close, one with no sessions nothing to cover.
 */
export function balanceOf(d: Dashboard): Balance {
  const own = { closing: closingRate(d), coverage: d.study.coverage };
  const lagging = new Map<number, string[]>();
  for (const c of d.children) {
    const reasons: string[] = [];
    const closingGap = points(own.closing - closingRate(c));
    if (c.problems.total > 0 && closingGap >= LAG_POINTS) reasons.push(`销号率低于本单位 ${closingGap} 个百分点`);
    const coverageGap = points(own.coverage - c.study.coverage);
    if (c.study.sessions > 0 && coverageGap >= LAG_POINTS)
      reasons.push(`学习全覆盖率低于本单位 ${coverageGap} 个百分点`);
    if (reasons.length) lagging.set(c.orgId, reasons);
  }
  const ranked = d.children.filter((c) => c.problems.total > 0).sort((a, b) => closingRate(b) - closingRate(a));
  const [high, low] = [ranked[0], ranked[ranked.length - 1]];
  const gap = ranked.length >= 2 ? points(closingRate(high) - closingRate(low)) : 0;
  return { lagging, spread: gap >= SPREAD_POINTS ? { high, low, points: gap } : null };
}
