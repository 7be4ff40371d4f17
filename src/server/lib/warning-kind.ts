/**
 * The shape of a 预警 kind (F12 warnings). Each kind is contributed by the module that owns the records it
 * counts (through that module's public.ts) and registered with one line in modules/warnings/kinds.ts; the
 * warnings module only asks kinds for their counts. Lives here, outside every module, so contributing modules
 * and the warnings module both import it without a cycle.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/schema.ts';
import { FULL_SCOPE } from '../db/scope.ts';

/** A per-campaign number a kind depends on (days, a share); stored by the warnings module. */
export interface WarningThreshold {
  key: string;
  label: string;
  default: number;
  min: number;
  max: number;
}

/** Where and when a count is asked for. */
export interface WarningScope {
  campaignId?: number;
  /** The unit whose subtree is counted. */
  orgId: number;
  orgPath: string;
  today: string;
  /** Values of the kind's thresholds (defaults filled in). */
  thresholds: Record<string, number>;
}

/** Whom a batch count asks as: nobody's view, the whole root (the list queries then add no visibility predicate). */
export const WHOLE_ROOT: Actor = {
  userId: 0,
  username: '',
  displayName: '系统',
  personId: null,
  orgId: null,
  orgPath: null,
  roles: [],
  grants: [],
  scope: FULL_SCOPE,
};

/** Where a batch count is asked for: every unit under a root at once (考核 scores warnings as a figure). */
export interface WarningBatchScope {
  campaignId: number;
  /** The root whose subtree's records are counted. */
  rootPath: string;
  today: string;
  thresholds: Record<string, number>;
}

export interface WarningKind {
  /** Stable English identifier, e.g. "problem_overdue". */
  kind: string;
  /** Chinese label shown on the 预警 page. */
  label: string;
  /** The work line it belongs to (检视整改, 理论学习, 推动发展, 为民办实事 …). */
  line: string;
  thresholds?: WarningThreshold[];
  /** How many records (or units) the warning counts in the subtree, as the caller may see them. */
  count(db: Kysely<Database>, actor: Actor, scope: WarningScope): Promise<number>;
  /** The web page listing exactly what was counted. */
  link(scope: WarningScope): string;
  /** The API list whose `total` is the count, for the same caller. */
  api(scope: WarningScope): string;
  /**
   * The same count for every unit under a root in one grouped query: rows of the records' own unit path and
   * how many of them warn, over all the root's records (not one caller's view). Summed up the tree, a unit's
   * total is what `count` answers for its subtree to a caller who sees it whole. Kinds whose records belong
   * to more than one unit's subtree (a task counts for its 牵头 and 责任 units) leave it out.
   */
  countByPath?(db: Kysely<Database>, scope: WarningBatchScope): Promise<Array<{ path: string; n: number }>>;
}

/** A query string from the filters that are set. */
export function queryOf(filter: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '' && v !== false) params.set(k, String(v));
  return params.toString();
}
