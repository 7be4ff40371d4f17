/** What other modules may use from the org module: read-only queries, never its repository. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  ancestorPaths,
  inScope,
  pathInSubtree,
  scopeOfParams,
  scopeParams,
  type Scope,
  type ScopeParams,
} from '../../db/scope.ts';
import { reusableQuery } from '../../db/reusable-query.ts';
import { notFound } from '../../errors.ts';
import { findOrg, findOrgInScope, scopeRoots } from './repository.ts';

export { scopeRoots };

/**
 * The org module's visibility rule as an expression over `orgUnits.path`: another module that joins units
 * filters by it instead of writing its own predicate over this module's table.
 */
export const orgVisible = (scope: Scope) => inScope(scope, 'orgUnits.path');

/** A unit visible to the caller (id, name, path, parent), or undefined. */
export async function visibleOrg(db: Kysely<Database>, scope: Scope, id: number) {
  return findOrgInScope(db, scope, id);
}

/** A unit regardless of scope, for guards that must tell 403 from 404. */
export async function anyOrg(db: Kysely<Database>, id: number) {
  return findOrg(db, id);
}

export async function secretaryName(db: Kysely<Database>, personId: number): Promise<string | null> {
  const row = await db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirst();
  return row?.name ?? null;
}

/**
 * Active direct children of a unit that the caller sees at least part of (the child inside the scope, or
 * a unit of the scope below it), in tree order: a figures page never names a unit the caller cannot see.
 */
export function childUnits(db: Kysely<Database>, scope: Scope, parentId: number) {
  const above = [...scope.subtreePaths, ...scope.unitPaths].flatMap(ancestorPaths);
  return childUnitsQuery(db, { parentId, above: [...above, '-'], ...scopeParams(scope) });
}

/** Compiled once per shape of scope (every dashboard and 整改统计 reads a unit's children). */
const childUnitsQuery = reusableQuery(
  'childUnits',
  (db: Kysely<Database>, p: ScopeParams & { parentId: number; above: string[] }) =>
    db
      .selectFrom('orgUnits')
      .select(['id', 'name', 'path'])
      .where('parentId', '=', p.parentId)
      .where('active', '=', 1)
      .where((eb) =>
        p.scopeAll
          ? eb.lit(true)
          : eb.or([inScope(scopeOfParams(p), 'orgUnits.path')(eb), eb('orgUnits.path', 'in', p.above)]),
      )
      .orderBy('sortOrder')
      .orderBy('id'),
);

/** The unit a figures page asks for, or the caller's first scope root when none is asked for; 404 outside the scope. */
export async function figuresUnit(db: Kysely<Database>, scope: Scope, orgId: number | undefined) {
  const id = orgId ?? (await scopeRoots(db, scope))[0]?.id;
  const unit = id ? await findOrgInScope(db, scope, id) : undefined;
  if (!unit) throw notFound('单位');
  return unit;
}

/** Every direct child of a unit, deactivated ones included (a subtree total still counts their records). */
export async function allChildIds(db: Kysely<Database>, parentId: number): Promise<number[]> {
  const rows = await db.selectFrom('orgUnits').select('id').where('parentId', '=', parentId).execute();
  return rows.map((r) => r.id);
}

/** A list filter's unit as a path: undefined when no unit was asked for, 404 when it is outside the scope. */
export async function filterOrgPath(
  db: Kysely<Database>,
  scope: Scope,
  orgId: number | undefined,
): Promise<string | undefined> {
  if (!orgId) return undefined;
  const org = await findOrgInScope(db, scope, orgId);
  if (!org) throw notFound('单位');
  return org.path;
}

/** Units by id as far as the scope reaches (id, name, path, type, active), for pools and recipient lists. */
export function visibleOrgs(db: Kysely<Database>, scope: Scope, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('orgUnits')
    .select(['id', 'name', 'path', 'type', 'active', 'parentId'])
    .where('id', 'in', ids)
    .where(inScope(scope, 'orgUnits.path'))
    .execute();
}

/** Active units of a subtree inside the scope, optionally of some types, in tree order (a spot-check pool). */
export function subtreeUnits(db: Kysely<Database>, scope: Scope, rootPath: string, types: string[], limit: number) {
  let qb = db
    .selectFrom('orgUnits')
    .select(['id', 'name', 'path', 'type'])
    .where((eb) => pathInSubtree(eb, 'orgUnits.path', rootPath))
    .where(inScope(scope, 'orgUnits.path'))
    .where('active', '=', 1);
  if (types.length) qb = qb.where('type', 'in', types);
  return qb.orderBy('path').limit(limit).execute();
}

/** Names of units by id, whatever the scope (labels of records the caller already may see). */
export async function orgNames(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('orgUnits').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Active units inside the scope whose name is one of `names`, each with its parent's name (so two units of the
 * same name can be told apart: 办公室党支部（机关党委）). One query per batch; index org_units_name.
 */
export function unitsByNames(db: Kysely<Database>, scope: Scope, names: string[]) {
  if (!names.length) return Promise.resolve([]);
  return db
    .selectFrom('orgUnits')
    .leftJoin('orgUnits as parent', 'parent.id', 'orgUnits.parentId')
    .select(['orgUnits.id', 'orgUnits.name', 'orgUnits.path', 'parent.name as parentName'])
    .where('orgUnits.name', 'in', names)
    .where('orgUnits.active', '=', 1)
    .where(inScope(scope, 'orgUnits.path'))
    .orderBy('orgUnits.path')
    .execute();
}

/** A unit as a pick-list label: its name with its parent's, 办公室党支部（机关党委）. */
export const unitLabel = (u: { name: string; parentName: string | null }) =>
  u.parentName ? `${u.name}（${u.parentName}）` : u.name;
