/**
 * Figures per assessed unit, contributed by the module that owns the records (study, problems, research, …)
 * through its public.ts and collected by the assessment module's registry (modules/assessments/sources.ts).
 * Each source answers for every assessed unit at once: one grouped scan of the root's records by their own
 * unit, summed up the tree (subtreeTotals) — never one query per unit, nor a join of each unit with its subtree.
 */
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from './schema.ts';
import { idsOfPath, pathInSubtree } from './scope.ts';
import type { AnyExpressionBuilder } from './untyped.ts';

/** Which units are assessed and over what: a campaign, a period and the units of some types under a root. */
export interface UnitFigureQuery {
  campaignId: number;
  /** Inclusive dates, YYYY-MM-DD. */
  from: string;
  to: string;
  /** The day figures that depend on "today" (overdue) are judged on. */
  today: string;
  rootPath: string;
  orgTypes: string[];
}

/** One figure a module derives per unit. A unit missing from the answer has no data (never scored as 0). */
export interface UnitFigureSource {
  /** Stable key stored in an indicator, e.g. "study.attendanceRate". */
  key: string;
  /** Chinese name shown when building an indicator. */
  label: string;
  /** The work line it comes from (理论学习, 检视整改 …). */
  module: string;
  /** rate: 0–1; count: a number of records. */
  unit: 'rate' | 'count';
  /** Which way is better, for the rule the form suggests. */
  better: 'higher' | 'lower';
  /** The value for each assessed unit that has data, keyed by unit id. */
  compute(db: Kysely<Database>, q: UnitFigureQuery): Promise<Map<number, number>>;
  /** The web page listing exactly the records counted for one unit (the evidence a point opens). */
  evidence(q: UnitFigureQuery & { orgId: number }): string;
}

/** The assessed units as `u` (id, path, type): active units of the asked types inside the root's subtree. */
export function assessedUnits(db: Kysely<Database>, q: UnitFigureQuery) {
  return db
    .selectFrom('orgUnits as u')
    .where('u.active', '=', 1)
    .where('u.type', 'in', q.orgTypes.length ? q.orgTypes : ['-'])
    .where((eb) => pathInSubtree(eb, 'u.path', q.rootPath));
}

/** The records of the assessed root's subtree (the index range of `column`), for a query grouped by the records' own unit. */
export const underRoot = (eb: AnyExpressionBuilder, column: string, q: UnitFigureQuery): Expression<SqlBool> =>
  pathInSubtree(eb, column, q.rootPath);

const assessedIds = memoByQuery(
  async (db, q) => new Set((await assessedUnits(db, q).select('u.id').execute()).map((u) => Number(u.id))),
);

/**
 * Rows grouped by the records' own unit (`path`, the records' org_path, and the named measures) summed up the
 * tree: each assessed unit gets the totals of its whole subtree, and a unit with no row anywhere below it has
 * no data. So a module's figures for every assessed unit cost one grouped scan of the root's records (one
 * row per unit holding records), never a join of each unit with its subtree.
 */
export async function subtreeTotals<K extends string>(
  db: Kysely<Database>,
  q: UnitFigureQuery,
  rows: Array<Record<string, unknown>>,
  keys: K[],
): Promise<Map<number, Record<K, number>>> {
  const assessed = await assessedIds(db, q);
  const out = new Map<number, Record<K, number>>();
  for (const r of rows) {
    const values = keys.map((k) => Number(r[k] ?? 0));
    for (const id of idsOfPath(String(r.path))) {
      if (!assessed.has(id)) continue;
      let totals = out.get(id);
      if (!totals) {
        totals = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
        out.set(id, totals);
      }
      for (let i = 0; i < keys.length; i++) totals[keys[i]] += values[i];
    }
  }
  return out;
}

/** A share n/d per unit, only where d > 0 (a unit with nothing to count has no data). */
export function shareOf<R>(rows: Map<number, R>, n: (r: R) => number, d: (r: R) => number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [id, r] of rows) if (d(r) > 0) out.set(id, n(r) / d(r));
  return out;
}

/** Runs a bulk query once per figure query, so several figures of one module share it within a scoring run. */
export function memoByQuery<T>(run: (db: Kysely<Database>, q: UnitFigureQuery) => Promise<T>) {
  const cache = new WeakMap<UnitFigureQuery, Promise<T>>();
  return (db: Kysely<Database>, q: UnitFigureQuery): Promise<T> => {
    let hit = cache.get(q);
    if (!hit) {
      hit = run(db, q);
      cache.set(q, hit);
    }
    return hit;
  };
}
