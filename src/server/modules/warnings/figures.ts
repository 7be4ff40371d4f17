/**
 * 预警 as a 考核 figure: how many warnings stand open in each assessed unit's subtree, summed over the kinds
 * that count in one grouped query for a whole root (WarningKind.countByPath) — one query per kind for all
 * units, never one per unit. Key tasks (a task warns under both its 牵头 and 责任 units) and 支部 idle for N
 * days are not in it; the label says which kinds are.
 */
import { assessedUnits, subtreeTotals, type UnitFigureQuery, type UnitFigureSource } from '../../db/unit-figures.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { queryOf } from '../../lib/warning-kind.ts';
import { WARNING_KINDS } from './kinds.ts';
import { thresholdValues } from './repository.ts';

export const BATCH_KINDS = WARNING_KINDS.filter((k) => k.countByPath);

/** Open warnings per assessed unit (its subtree), keyed by unit id; a unit with none under it counts 0. */
export async function openWarningsByUnit(db: Kysely<Database>, q: UnitFigureQuery): Promise<Map<number, number>> {
  const thresholds = await thresholdValues(db, q.campaignId, BATCH_KINDS);
  const scope = { campaignId: q.campaignId, rootPath: q.rootPath, today: q.today, thresholds };
  const rows = (await Promise.all(BATCH_KINDS.map((k) => k.countByPath!(db, scope)))).flat();
  const totals = await subtreeTotals(db, q, rows, ['n']);
  return new Map([...totals].map(([id, t]) => [id, t.n]));
}

export const warningFigureSources: UnitFigureSource[] = [
  {
    key: 'warnings.open',
    label: `未消除预警数（${BATCH_KINDS.map((k) => k.label).join('、')}）`,
    module: '预警',
    unit: 'count',
    better: 'lower',
    // Every assessed unit has a figure: no warning anywhere below it is 0, not "no data".
    async compute(db, q) {
      const counts = await openWarningsByUnit(db, q);
      const units = await assessedUnits(db, q).select('u.id').execute();
      return new Map(units.map((u) => [Number(u.id), counts.get(Number(u.id)) ?? 0]));
    },
    evidence: (q) => `/warnings?${queryOf({ campaignId: q.campaignId, orgId: q.orgId })}`,
  },
];
