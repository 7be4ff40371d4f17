/**
 * The 诉求台账's filter from its query and its rows as staff see them — shared by the list and the export, so
 * an export is the list on screen and keeps the same privacy rules (contact masked, hidden when not allowed).
 */
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { addDays, nowIso } from '../../clock.ts';
import { filterOrgPath } from '../orgs/public.ts';
import { startOfDay } from './figures.ts';
import { presentDemand } from './presenter.ts';
import { unitNames, type DemandFilter, type DemandRow } from './repository.ts';
import type { ListQuery } from './schemas.ts';

export type ListFilters = Omit<Static<typeof ListQuery>, 'page' | 'pageSize'>;

/** The list query's filter; a unit outside the caller's scope is 404. */
export async function demandFilterOf(db: Kysely<Database>, actor: Actor, query: ListFilters): Promise<DemandFilter> {
  const { orgId, unitOnly, receivedFrom, receivedTo, visitedFrom, visitedTo, ...rest } = query;
  const orgPath = await filterOrgPath(db, actor.scope, orgId);
  return {
    ...rest,
    orgPath: unitOnly ? undefined : orgPath,
    orgId: unitOnly ? orgId : undefined,
    receivedFrom: receivedFrom && startOfDay(receivedFrom),
    receivedTo: receivedTo && startOfDay(addDays(receivedTo, 1)),
    visitedFrom: visitedFrom && startOfDay(visitedFrom),
    visitedTo: visitedTo && startOfDay(addDays(visitedTo, 1)),
    now: nowIso(),
  } as DemandFilter;
}

/** Rows as the caller may see them: unit and category names, derived overdue, contact masked or hidden. */
export async function presentDemands(db: Kysely<Database>, actor: Actor, rows: DemandRow[]) {
  const [units, cats] = await Promise.all([
    unitNames(
      db,
      rows.flatMap((r) => [r.orgId, r.intakeOrgId]),
    ),
    db.selectFrom('demandCategories').select(['code', 'name']).execute(),
  ]);
  const names = { units, categories: new Map(cats.map((c) => [c.code, c.name])) };
  const now = nowIso();
  return rows.map((r) => presentDemand(actor, r, names, now));
}
