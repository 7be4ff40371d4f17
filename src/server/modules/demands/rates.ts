/**
 * 三率, over one denominator, the valid follow-ups (有效回访): 响应率 = contacted / valid, 解决率 = solved / valid,
 * 满意率 = (satisfied + factor × basically) / valid. Pure over stored raw counts, so any formula can be
 * recomputed; null (无数据) when nothing was followed up — never 0.
 */

export interface RawCounts {
  valid: number;
  contacted: number;
  solved: number;
  satisfied: number;
  basically: number;
}

export interface RateConfig {
  effectiveFrom: string;
  responseWeight: number;
  resolutionWeight: number;
  satisfactionWeight: number;
  basicallyFactor: number;
  monthStartDay: number;
  repeatDistanceM: number;
  repeatWindowDays: number;
}

/** DOMAIN.md defaults (unconfirmed): 0.1 响应 + 0.5 解决 + 0.4 满意, 0.9 for 基本满意, months from the 19th. */
export const DEFAULT_RATE_CONFIG: RateConfig = {
  effectiveFrom: '0000-01-01',
  responseWeight: 0.1,
  resolutionWeight: 0.5,
  satisfactionWeight: 0.4,
  basicallyFactor: 0.9,
  monthStartDay: 19,
  repeatDistanceM: 250,
  repeatWindowDays: 30,
};

export interface Rates {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  /** Weighted composite, 0–100. */
  score: number | null;
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

export function ratesOf(c: RawCounts, cfg: RateConfig): Rates {
  if (c.valid === 0) return { responseRate: null, resolutionRate: null, satisfactionRate: null, score: null };
  const responseRate = c.contacted / c.valid;
  const resolutionRate = c.solved / c.valid;
  const satisfactionRate = (c.satisfied + cfg.basicallyFactor * c.basically) / c.valid;
  const weights = cfg.responseWeight + cfg.resolutionWeight + cfg.satisfactionWeight || 1;
  const score =
    (100 *
      (cfg.responseWeight * responseRate +
        cfg.resolutionWeight * resolutionRate +
        cfg.satisfactionWeight * satisfactionRate)) /
    weights;
  return {
    responseRate: round4(responseRate),
    resolutionRate: round4(resolutionRate),
    satisfactionRate: round4(satisfactionRate),
    score: Math.round(score * 100) / 100,
  };
}

/** The configuration in force for a period: the newest one effective on or before its first day. */
export function configFor<T extends { effectiveFrom: string }>(configs: T[], periodStart: string, fallback: T): T {
  let best = fallback;
  for (const c of configs) if (c.effectiveFrom <= periodStart && c.effectiveFrom >= best.effectiveFrom) best = c;
  return best;
}

/** The assessment month containing a date: from `startDay` of one month to the day before it in the next. */
export function periodOf(date: string, startDay: number): { from: string; to: string } {
  const [y, m, d] = date.split('-').map(Number);
  const day = Math.min(Math.max(startDay, 1), 28);
  const startMonth = d >= day ? m : m - 1;
  const from = new Date(Date.UTC(y, startMonth - 1, day));
  const to = new Date(Date.UTC(y, startMonth, day - 1));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** Dense competition ranking: tied scores share a rank, units without data get none ("1, 2, 2, 4"). */
export function rankScores<T extends { score: number | null }>(rows: T[]): Array<T & { rank: number | null }> {
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score!);
  const rankOf = new Map<T, number>();
  scored.forEach((r, i) => {
    rankOf.set(r, i > 0 && scored[i - 1].score === r.score ? rankOf.get(scored[i - 1])! : i + 1);
  });
  return rows.map((r) => ({ ...r, rank: rankOf.get(r) ?? null }));
}
