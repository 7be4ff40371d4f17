/**
 * 接诉即办's figures for 考核: the 三率 (响应率、解决率、满意率) and their weighted score per assessed unit's subtree,
 * over the demands it handled whose follow-up (回访) fell in the period — the same raw counts and formula as
 * GET /demands/figures (rates.ts), one grouped query for all units. A unit with no valid follow-up has no data.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addDays } from '../../clock.ts';
import {
  memoByQuery,
  subtreeTotals,
  underRoot,
  type UnitFigureQuery,
  type UnitFigureSource,
} from '../../db/unit-figures.ts';
import { configForPeriod, startOfDay } from './figures.ts';
import { ratesOf, type Rates } from './rates.ts';

const COUNTS = ['valid', 'contacted', 'solved', 'satisfied', 'basically'] as const;

const ratesByUnit = memoByQuery(async (db: Kysely<Database>, q: UnitFigureQuery) => {
  const [rows, cfg] = await Promise.all([
    db
      .selectFrom('demands as d')
      .select((eb) => [
        'd.orgPath as path',
        eb.fn.countAll<number>().as('valid'),
        eb.fn.sum<number>('d.contacted').as('contacted'),
        eb.fn.sum<number>('d.solved').as('solved'),
        eb.fn.sum<number>(sql`case when d.satisfaction = 'satisfied' then 1 else 0 end`).as('satisfied'),
        eb.fn.sum<number>(sql`case when d.satisfaction = 'basically' then 1 else 0 end`).as('basically'),
      ])
      .where('d.campaignId', '=', q.campaignId)
      .where('d.visitedAt', '>=', startOfDay(q.from))
      .where('d.visitedAt', '<', startOfDay(addDays(q.to, 1)))
      .where((eb) => underRoot(eb, 'd.orgPath', q))
      .groupBy('d.orgPath')
      .execute(),
    configForPeriod(db, q.campaignId, q.from),
  ]);
  const out = new Map<number, Rates>();
  for (const [orgId, counts] of await subtreeTotals(db, q, rows, [...COUNTS]))
    if (counts.valid > 0) out.set(orgId, ratesOf(counts, cfg));
  return out;
});

const rate = (key: keyof Rates, label: string, unit: 'rate' | 'count'): UnitFigureSource => ({
  key: `demands.${key}`,
  label,
  module: '接诉即办',
  unit,
  better: 'higher',
  async compute(db, q) {
    const out = new Map<number, number>();
    for (const [orgId, r] of await ratesByUnit(db, q)) if (r[key] !== null) out.set(orgId, r[key]);
    return out;
  },
  evidence: (q) =>
    `/demands?campaignId=${q.campaignId}&orgId=${q.orgId}&visitedFrom=${q.from}&visitedTo=${q.to}&visit=valid`,
});

/** The figures 接诉即办 contributes to 考核 (the score is 0–100, the rates 0–1). */
export const demandFigureSources: UnitFigureSource[] = [
  rate('responseRate', '诉求响应率', 'rate'),
  rate('resolutionRate', '诉求解决率', 'rate'),
  rate('satisfactionRate', '诉求满意率', 'rate'),
  rate('score', '三率综合得分', 'count'),
];
