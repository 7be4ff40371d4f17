import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { pathInSubtree } from '../../db/scope.ts';
import { fetchPage } from '../../db/page.ts';
import { today } from '../../clock.ts';
import { orgVisible } from '../orgs/public.ts';

/** The units expected to hold collective study themselves: 党支部. */
const STUDY_UNIT_TYPES = ['branch'];

/**
 * 党支部 in a subtree (and in the caller's scope) that held no collective session from `since` to today —
 * the 预警 "no collective session for N days" and the list it opens.
 */
export function idleUnitsQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId?: number; orgPath: string; since: string },
) {
  return db
    .selectFrom('orgUnits')
    .where('orgUnits.active', '=', 1)
    .where('orgUnits.type', 'in', STUDY_UNIT_TYPES)
    .where((eb) => pathInSubtree(eb, 'orgUnits.path', filter.orgPath))
    .where(orgVisible(actor.scope))
    .where((eb) => {
      let held = eb
        .selectFrom('studySessions')
        .select('studySessions.id')
        .whereRef('studySessions.orgId', '=', 'orgUnits.id')
        .where('studySessions.date', '>=', filter.since)
        .where('studySessions.date', '<=', today());
      if (filter.campaignId) held = held.where('studySessions.campaignId', '=', filter.campaignId);
      return eb.not(eb.exists(held));
    });
}

/** A page of idle 党支部 in tree order, each with the date of its last collective session. */
export function idleUnitPage(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId?: number; orgPath: string; since: string },
  page: number,
  pageSize: number,
) {
  return fetchPage(
    idleUnitsQuery(db, actor, filter),
    (qb) =>
      qb
        .select((eb) => [
          'orgUnits.id',
          'orgUnits.name',
          eb
            .selectFrom('studySessions')
            .select((s) => s.fn.max('studySessions.date').as('d'))
            .whereRef('studySessions.orgId', '=', 'orgUnits.id')
            .as('lastSessionDate'),
        ])
        .orderBy('orgUnits.path'),
    page,
    pageSize,
  ) as Promise<{
    items: Array<{ id: number; name: string; lastSessionDate: string | null }>;
    total: number;
    page: number;
    pageSize: number;
  }>;
}
