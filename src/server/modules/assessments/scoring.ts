/**
 * How one unit is scored: pure functions over the figures and the accepted manual entries, so the preview,
 * the frozen result and the tests all use the same rules. Every item stays between 0 and its maximum.
 */

/** linear: 0 points at `from`, the maximum at `to` (to < from when less is better). */
export interface LinearRule {
  type: 'linear';
  from: number;
  to: number;
}
/** steps: the best step reached — for `higher`, value ≥ at; for `lower`, value ≤ at. */
export interface StepsRule {
  type: 'steps';
  better: 'higher' | 'lower';
  steps: Array<{ at: number; points: number }>;
}
/** deduct: from the maximum, `per` points off for each one beyond `free` (每少开1次扣0.5分: the figure counts the misses). */
export interface DeductRule {
  type: 'deduct';
  per: number;
  free?: number;
}
export type ScoringRule = LinearRule | StepsRule | DeductRule;
/** 一票否决 on a figure: the rating is cancelled when the value reaches `atLeast` (or falls to `atMost`). */
export interface VetoRule {
  type: 'veto';
  atLeast?: number;
  atMost?: number;
}

export type IndicatorKind = 'auto' | 'bonus' | 'deduct' | 'veto';
export const INDICATOR_KINDS: Record<IndicatorKind, string> = {
  auto: '自动计分',
  bonus: '加分项',
  deduct: '扣分项',
  veto: '一票否决',
};

export interface Indicator {
  id: number;
  kind: IndicatorKind;
  maxPoints: number;
  weight: number;
  source: string | null;
  rule: ScoringRule | VetoRule | null;
}

export interface Part {
  indicatorId: number;
  /** The figure (auto, veto on a figure) or the sum of accepted entries (manual); null: no data. */
  value: number | null;
  /** Points before weighting; null for a 一票否决 item. */
  points: number | null;
}

export interface UnitScore {
  /** Weighted total, or null when the unit has no data at all (listed apart, never ranked as 0). */
  score: number | null;
  vetoed: boolean;
  parts: Part[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Points a figure earns under a rule, between 0 and max. */
export function rulePoints(rule: ScoringRule, max: number, value: number): number {
  let p: number;
  if (rule.type === 'linear') {
    p =
      rule.from === rule.to
        ? value >= rule.to
          ? max
          : 0
        : max * clamp((value - rule.from) / (rule.to - rule.from), 0, 1);
  } else if (rule.type === 'steps') {
    const reached = rule.steps.filter((s) => (rule.better === 'higher' ? value >= s.at : value <= s.at));
    p = reached.reduce((best, s) => Math.max(best, s.points), 0);
  } else {
    p = max - rule.per * Math.max(0, value - (rule.free ?? 0));
  }
  return clamp(round2(p), 0, max);
}

/** Whether a figure triggers a 一票否决 condition (no data never does). */
export function vetoTriggered(rule: VetoRule | null, value: number | null): boolean {
  if (!rule || value === null) return false;
  if (rule.atLeast !== undefined && value >= rule.atLeast) return true;
  return rule.atMost !== undefined && value <= rule.atMost;
}

/**
 * One unit's parts and weighted total. `figures` maps a source key to the unit's value (missing: no data);
 * `manual` maps an indicator to the sum of its accepted entries (加分, 扣分, or any entry on a 一票否决 item).
 */
export function scoreUnit(
  indicators: Indicator[],
  figures: (source: string) => number | undefined,
  manual: (indicatorId: number) => number | undefined,
): UnitScore {
  let total = 0;
  let vetoed = false;
  let autos = 0;
  let withData = 0;
  const parts: Part[] = indicators.map((ind) => {
    const figure = ind.source ? (figures(ind.source) ?? null) : null;
    if (ind.kind === 'veto') {
      const entered = manual(ind.id);
      if (entered !== undefined || vetoTriggered(ind.rule as VetoRule | null, figure)) vetoed = true;
      return { indicatorId: ind.id, value: ind.source ? figure : (entered ?? null), points: null };
    }
    let points: number;
    let value: number | null;
    if (ind.kind === 'auto') {
      autos++;
      value = figure;
      if (value !== null) withData++;
      points = value === null || !ind.rule ? 0 : rulePoints(ind.rule as ScoringRule, ind.maxPoints, value);
    } else {
      value = manual(ind.id) ?? 0;
      points =
        ind.kind === 'bonus'
          ? clamp(round2(value), 0, ind.maxPoints)
          : clamp(round2(ind.maxPoints - value), 0, ind.maxPoints);
    }
    total += ind.weight * points;
    return { indicatorId: ind.id, value, points };
  });
  const hasData = autos === 0 || withData > 0;
  return { score: hasData ? round2(total) : null, vetoed, parts };
}
