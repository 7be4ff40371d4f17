/** What other modules may use from 接诉即办 (群众诉求). Open311 translates to and from these functions only. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { demandQuery, demandVisible } from './repository.ts';

export { demandVisible } from './repository.ts';
export { demandTodoQuery, demandTodoSources, demandsAwaiting } from './todo-sources.ts';
export { publicIntake } from './commands/leave-message.ts';
export { rateDemand } from './commands/rate-demand.ts';
export {
  demandForCitizen,
  publicCategories,
  publicDemandView,
  publicDemandsPage,
  type PublicDemand,
  type PublicFilter,
} from './public-view.ts';
export { maskDigits } from './presenter.ts';
export { demandWarningKinds, countOverdueDemands } from './warnings.ts';
export { demandFigureSources } from './assessment-figures.ts';
export { demandTally } from './tally.ts';
export { unitsDemandFigures } from './figures.ts';
export type { DemandFiguresView } from './presenter.ts';

/** Of these demand ids, those the caller may see. */
export async function visibleDemandIds(
  db: Kysely<Database>,
  actor: Actor,
  ids: readonly number[],
): Promise<Set<number>> {
  const unique = [...new Set(ids)].filter((i) => Number.isInteger(i) && i > 0 && i < 2 ** 31);
  if (!unique.length) return new Set();
  const rows = await db
    .selectFrom('demands')
    .select('demands.id')
    .where('demands.id', 'in', unique)
    .where(demandVisible(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * 预警: demands past their time limit (签收 or 办理), per handling unit in a subtree, each with the link to the
 * list it opens. For GET /api/v1/warnings: `...(await overdueDemandWarnings(db, actor, {campaignId, orgPath, orgId}))`.
 */
export async function overdueDemandWarnings(
  db: Kysely<Database>,
  actor: Actor,
  q: { campaignId?: number; orgPath: string },
): Promise<Array<{ kind: 'demand_overdue'; orgId: number; count: number; link: string }>> {
  const rows = await demandQuery(db, actor, {
    campaignId: q.campaignId,
    orgPath: q.orgPath,
    overdue: true,
    now: nowIso(),
  })
    .where('demands.orgId', 'is not', null)
    .select((eb) => ['demands.orgId', eb.fn.countAll<number>().as('n')])
    .groupBy('demands.orgId')
    .orderBy('demands.orgId')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    kind: 'demand_overdue',
    orgId: r.orgId!,
    count: Number(r.n),
    link: `/demands?${q.campaignId ? `campaignId=${q.campaignId}&` : ''}orgId=${r.orgId}&unitOnly=true&overdue=true`,
  }));
}

/** The 群众诉求台账 as an importable ledger (registered in modules/routes.ts). */
export { demandLedger } from './demand-ledger-import.ts';
export { overdueDemands } from './accountability-items.ts';
