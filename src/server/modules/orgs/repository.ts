import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { OrgUnitTable } from './tables.ts';
import { inScope, pathInSubtree, scopeOfParams, scopeParams, type Scope, type ScopeParams } from '../../db/scope.ts';
import { reusableQuery } from '../../db/reusable-query.ts';
import { nameMatches } from '../../db/name-search.ts';

/** A unit as the module reads it: every column but its tally key (bookkeeping, never shown). */
export type OrgRow = Omit<Selectable<OrgUnitTable>, 'tally'>;

export const orgColumns = [
  'orgUnits.id',
  'orgUnits.parentId',
  'orgUnits.name',
  'orgUnits.type',
  'orgUnits.path',
  'orgUnits.depth',
  'orgUnits.sortOrder',
  'orgUnits.secretaryId',
  'orgUnits.namePinyin',
  'orgUnits.nameInitials',
  'orgUnits.active',
  'orgUnits.version',
  'orgUnits.createdAt',
  'orgUnits.updatedAt',
] as const;

/** A unit inside the scope, or undefined (outside scope reads as "not found"). */
export async function findOrgInScope(db: Kysely<Database>, scope: Scope, id: number) {
  const [row] = await orgInScopeQuery(db, { id, ...scopeParams(scope) });
  return row;
}

/** Compiled once per shape of scope: every figures page and unit filter looks its unit up. */
const orgInScopeQuery = reusableQuery('orgInScope', (db: Kysely<Database>, p: ScopeParams & { id: number }) =>
  db
    .selectFrom('orgUnits')
    .select(orgColumns)
    .where('id', '=', p.id)
    .where(inScope(scopeOfParams(p), 'orgUnits.path')),
);

/** A unit regardless of scope: only for telling 403 from 404 on writes and for internal checks. */
export function findOrg(db: Kysely<Database>, id: number) {
  return db.selectFrom('orgUnits').select(orgColumns).where('id', '=', id).executeTakeFirst();
}

export interface OrgFilter {
  parentId?: number;
  q?: string;
  type?: string;
  includeInactive?: boolean;
}

/** Units in scope matching the filter, ordered as the tree shows them. */
export function orgQuery(db: Kysely<Database>, scope: Scope, filter: OrgFilter) {
  let qb = db.selectFrom('orgUnits').where(inScope(scope, 'orgUnits.path'));
  if (filter.parentId !== undefined) qb = qb.where('orgUnits.parentId', '=', filter.parentId);
  if (filter.type) qb = qb.where('orgUnits.type', '=', filter.type);
  if (!filter.includeInactive) qb = qb.where('orgUnits.active', '=', 1);
  if (filter.q?.trim()) qb = qb.where(nameMatches('orgUnits', filter.q));
  return qb;
}

/** Every unit in the subtree at `path`, in tree order (path order keeps parents before children). */
export function subtree(db: Kysely<Database>, path: string, includeInactive: boolean) {
  let qb = db
    .selectFrom('orgUnits')
    .select(orgColumns)
    .where((eb) => pathInSubtree(eb, 'orgUnits.path', path));
  if (!includeInactive) qb = qb.where('orgUnits.active', '=', 1);
  return qb.orderBy('orgUnits.depth').orderBy('orgUnits.sortOrder').orderBy('orgUnits.id').execute();
}

/** The roots of a scope: units in scope whose parent is not in scope. */
export async function scopeRoots(db: Kysely<Database>, scope: Scope) {
  if (scope.all) {
    return db
      .selectFrom('orgUnits')
      .select(orgColumns)
      .where('parentId', 'is', null)
      .where('active', '=', 1)
      .orderBy('sortOrder')
      .orderBy('id')
      .execute();
  }
  const paths = [...scope.subtreePaths, ...scope.unitPaths];
  if (!paths.length) return [];
  return db
    .selectFrom('orgUnits')
    .select(orgColumns)
    .where('path', 'in', paths)
    .orderBy('depth')
    .orderBy('sortOrder')
    .execute();
}

/** Counts of active children and people per unit, for the detail panel and deactivation guard. */
export async function dependents(db: Kysely<Database>, id: number) {
  const [children, people] = await Promise.all([
    db
      .selectFrom('orgUnits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parentId', '=', id)
      .where('active', '=', 1)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('orgId', '=', id)
      .where('active', '=', 1)
      .executeTakeFirstOrThrow(),
  ]);
  return { children: Number(children.n), people: Number(people.n) };
}

export async function nextSortOrder(db: Kysely<Database>, parentId: number | null): Promise<number> {
  const row = await db
    .selectFrom('orgUnits')
    .select((eb) => eb.fn.max('sortOrder').as('m'))
    .where('parentId', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 10;
}
