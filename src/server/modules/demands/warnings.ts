/** 预警 of 为民办实事: demands past their time limit (签收 or 办理) in a subtree, counted through the list query. */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { queryOf, WHOLE_ROOT, type WarningKind, type WarningScope } from '../../lib/warning-kind.ts';
import { demandQuery } from './repository.ts';
import { talliedOverdue } from './tally.ts';
import { coversSubtree } from '../../db/scope.ts';

const overdue = (s: WarningScope) => ({ campaignId: s.campaignId, orgId: s.orgId, overdue: true });

/**
 * How many demands in the subtree are past their limit, as the caller may see them (the list's total): from
 * the maintained tally for a caller who sees the subtree whole, else counted in their view.
 */
export async function countOverdueDemands(
  db: Kysely<Database>,
  actor: Actor,
  s: { campaignId?: number; orgId: number; orgPath: string },
  now = nowIso(),
): Promise<number> {
  if (coversSubtree(actor.scope, s.orgPath))
    return talliedOverdue(db, { campaignId: s.campaignId || undefined, unit: { id: s.orgId, path: s.orgPath }, now });
  const row = await demandQuery(db, actor, {
    campaignId: s.campaignId,
    orgPath: s.orgPath,
    overdue: true,
    now,
  })
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const demandWarningKinds: WarningKind[] = [
  {
    kind: 'demand_overdue',
    label: '超过办理时限的群众诉求',
    line: '为民办实事',
    count: (db, actor, s) => countOverdueDemands(db, actor, s),
    // A demand belongs to its unit, or (not yet dispatched to one) to the unit that took it in.
    countByPath: async (db, s) => {
      const unit = sql<string>`coalesce(demands.org_path, demands.intake_path)`;
      const rows = await demandQuery(db, WHOLE_ROOT, {
        campaignId: s.campaignId,
        orgPath: s.rootPath,
        overdue: true,
        now: nowIso(),
      })
        .select((eb) => [unit.as('path'), eb.fn.countAll<number>().as('n')])
        .groupBy(unit)
        .execute();
      return rows.map((r) => ({ path: r.path, n: Number(r.n) }));
    },
    link: (s) => `/demands?${queryOf(overdue(s))}`,
    api: (s) => `/api/v1/demands?${queryOf(overdue(s))}`,
  },
];
