/**
 * The 诉求台账's total and read plan from the maintained tallies (tally.ts). A list filtered only by tally
 * dimensions (unit subtree, campaign, status) for a caller who sees the whole subtree takes its total from the
 * unit's tally rows — a read of a few thousand rows instead of a count over a district's 200,000 demands —
 * and the subtree's share of all demands chooses how the page is read: walking the received_at index newest
 * first and skipping rows outside the subtree (a big subtree: about (offset + limit) / share rows), or
 * reading the subtree's rows by path and sorting them (a small one: `total` rows).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { reusableQuery } from '../../db/reusable-query.ts';
import { listPlan, type ListPlan } from '../../db/list-plan.ts';
import { coversSubtree, unitIdOfPath } from '../../db/scope.ts';
import type { DemandFilter } from './repository.ts';

/** Filters that are tally dimensions (besides `now`, which every filter carries). */
const TALLY_FILTERS = new Set(['orgPath', 'campaignId', 'status', 'now']);

const tallyTotalQuery = reusableQuery(
  'demandTallyTotal',
  (
    db: Kysely<Database>,
    p: { orgId: number | undefined; campaignId: number | undefined; status: string | undefined },
  ) => {
    let q = db.selectFrom('demandTallies as t').select((eb) => eb.fn.sum<number>('t.n').as('n'));
    q =
      p.orgId !== undefined
        ? q.where('t.orgId', '=', p.orgId)
        : q.where('t.orgId', 'in', (eb) =>
            eb.selectFrom('orgUnits').select('orgUnits.id').where('orgUnits.parentId', 'is', null),
          );
    if (p.campaignId !== undefined) q = q.where('t.campaignId', '=', p.campaignId);
    if (p.status !== undefined) q = q.where('t.status', '=', p.status);
    return q;
  },
);

async function tallied(db: Kysely<Database>, f: DemandFilter, orgPath: string | undefined): Promise<number> {
  const [row] = await tallyTotalQuery(db, {
    orgId: orgPath ? unitIdOfPath(orgPath) : undefined,
    campaignId: f.campaignId || undefined,
    status: f.status || undefined,
  });
  return Number(row?.n ?? 0);
}

/**
 * The list's total from the tallies and the plan for its page, when the filter allows (every filter a tally
 * dimension, the caller sees the whole subtree asked for — or everything, when none is); undefined otherwise
 * (the page is then counted, and planned by the database alone).
 */
export async function demandListTally(
  db: Kysely<Database>,
  actor: Actor,
  f: DemandFilter,
  page: number,
  pageSize: number,
): Promise<{ total: number; plan: ListPlan | undefined } | undefined> {
  const used = Object.entries(f).filter(([, v]) => v !== undefined && v !== '');
  if (used.some(([k]) => !TALLY_FILTERS.has(k))) return undefined;
  if (f.orgPath ? !coversSubtree(actor.scope, f.orgPath) : !actor.scope.all) return undefined;
  const total = await tallied(db, f, f.orgPath);
  if (!f.orgPath) return { total, plan: undefined };
  const all = await tallied(db, f, undefined);
  return { total, plan: listPlan(total, all ? total / all : 1, page, pageSize) };
}
