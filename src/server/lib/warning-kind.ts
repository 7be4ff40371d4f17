/**
 * The shape of a 预警 kind (F12 warnings). Each kind is contributed by the module that owns the records it
 * counts (through that module's public.ts) and registered with one line in modules/warnings/kinds.ts; the
 * warnings module only asks kinds for their counts. Lives here, outside every module, so contributing modules
 * and the warnings module both import it without a cycle.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/schema.ts';

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
}

/** A query string from the filters that are set. */
export function queryOf(filter: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '' && v !== false) params.set(k, String(v));
  return params.toString();
}
