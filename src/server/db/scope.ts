import { sql, type Expression, type SqlBool } from 'kysely';
import type { AnyExpressionBuilder } from './untyped.ts';
import { mapParam } from './reusable-query.ts';

/**
 * A caller's data scope, resolved once per request. Everything is expressed in materialized paths so a
 * scope becomes a handful of index range predicates, never a list filtered in JavaScript.
 */
export interface Scope {
  all: boolean;
  /** Subtrees: every unit whose path starts with one of these. */
  subtreePaths: string[];
  /** Single units (not their children). */
  unitPaths: string[];
  /** Records tied to this person ("own records"). */
  personId: number | null;
}

export const FULL_SCOPE: Scope = { all: true, subtreePaths: [], unitPaths: [], personId: null };

/** The smallest string greater than every path that starts with `prefix` (prefix ends with "/"). */
export function pathUpperBound(prefix: string): string {
  // Through mapParam, so a reusable query's path range stays two bound parameters (db/reusable-query.ts).
  return mapParam(prefix, (p) => `${p.slice(0, -1)}0`);
}

/** True when `path` lies in the subtree rooted at `prefix`. */
export function isUnder(path: string, prefix: string): boolean {
  return path.startsWith(prefix);
}

/** Whether a record at `path` (and optionally tied to `personId`) is inside the scope. */
export function scopeContains(scope: Scope, path: string | null, personId?: number | null): boolean {
  if (scope.all) return true;
  if (path !== null) {
    if (scope.subtreePaths.some((p) => path.startsWith(p))) return true;
    if (scope.unitPaths.includes(path)) return true;
  }
  return scope.personId !== null && personId != null && personId === scope.personId;
}

/** The ids on a materialized path, root first: "/1/5/9/" → [1, 5, 9]. */
export function idsOfPath(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** The id of the unit a path ends at: "/1/5/9/" → 9. */
export const unitIdOfPath = (path: string): number => idsOfPath(path).at(-1)!;

/** The paths of a unit and all its ancestors: "/1/5/9/" → ["/1/", "/1/5/", "/1/5/9/"]. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Removes paths already covered by a wider subtree, so the SQL stays short. */
export function normalizeScope(scope: Scope): Scope {
  if (scope.all) return FULL_SCOPE;
  const subtrees = [...new Set(scope.subtreePaths)].sort();
  const kept: string[] = [];
  for (const p of subtrees) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  const units = [...new Set(scope.unitPaths)].filter((p) => !kept.some((k) => p.startsWith(k)));
  return { all: false, subtreePaths: kept, unitPaths: units, personId: scope.personId };
}

/**
 * Range predicate: the column holds a path inside the subtree at `prefix`. Index-friendly (no LIKE). With
 * `likelihood` (0–1, the share of rows expected inside), SQLite's planner is told how selective the range
 * is — it cannot know that a city's root subtree holds every row (migration 0033 makes this a no-op on
 * PostgreSQL, which plans from statistics).
 */
export function pathInSubtree(
  eb: AnyExpressionBuilder,
  column: string,
  prefix: string,
  likelihood?: number,
): Expression<SqlBool> {
  if (likelihood === undefined)
    return eb.and([eb(eb.ref(column), '>=', prefix), eb(eb.ref(column), '<', pathUpperBound(prefix))]);
  const p = sql.lit(Math.min(0.999, Math.max(0.001, likelihood)));
  return sql<SqlBool>`likelihood(${eb.ref(column)} >= ${prefix}, ${p}) and likelihood(${eb.ref(column)} < ${pathUpperBound(prefix)}, ${p})`;
}

/**
 * The scope as one SQL predicate over a path column and, where the table ties records to a person, a
 * person column. Used by every scoped repository; nothing else re-implements scope.
 */
export function inScope(
  scope: Scope,
  pathColumn: string,
  personColumn?: string,
): (eb: AnyExpressionBuilder) => Expression<SqlBool> {
  return (eb) => {
    if (scope.all) return sql<SqlBool>`1 = 1`;
    const parts: Expression<SqlBool>[] = scope.subtreePaths.map((p) => pathInSubtree(eb, pathColumn, p));
    if (scope.unitPaths.length) parts.push(eb(eb.ref(pathColumn), 'in', scope.unitPaths));
    if (personColumn && scope.personId !== null) parts.push(eb(eb.ref(personColumn), '=', scope.personId));
    if (!parts.length) return sql<SqlBool>`1 = 0`;
    return parts.length === 1 ? parts[0] : eb.or(parts);
  };
}

/** Whether the scope sees the whole subtree at `path` (then a maintained subtree figure is exactly what it may see). */
export function coversSubtree(scope: Scope, path: string): boolean {
  return scope.all || scope.subtreePaths.some((p) => path.startsWith(p));
}

/** A scope as a reusable query's parameters (db/reusable-query.ts): its shape is `all`, the paths' counts and whether a person. */
export type ScopeParams = {
  scopeAll: boolean;
  scopeSubtrees: string[];
  scopeUnits: string[];
  scopePerson: number | null;
};

export const scopeParams = (scope: Scope): ScopeParams => ({
  scopeAll: scope.all,
  scopeSubtrees: scope.subtreePaths,
  scopeUnits: scope.unitPaths,
  scopePerson: scope.personId,
});

/** The scope a reusable query's builder sees (its paths and person are the call's bound values). */
export const scopeOfParams = (p: ScopeParams): Scope => ({
  all: p.scopeAll,
  subtreePaths: p.scopeSubtrees,
  unitPaths: p.scopeUnits,
  personId: p.scopePerson,
});
