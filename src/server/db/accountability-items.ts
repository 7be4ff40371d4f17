/**
 * Overdue items for the accountability chain (责任链), contributed by the module that owns them (measures, key
 * tasks, demands …) through its public.ts and collected in modules/assessments/sources.ts. Each source is one
 * select with the same columns, scoped by the owning module's own visibility rule, so they union into one query.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { Database } from './schema.ts';
import type { SelectFromAny } from './untyped.ts';

/** The columns every source selects, in this order. */
export interface OverdueItem {
  kind: string;
  refId: number;
  title: string;
  deadline: string;
  /** The unit the item is overdue in. */
  orgId: number;
  /** 责任人 and 分管领导 (the item's responsible leader), when recorded. */
  ownerId: number | null;
  leaderId: number | null;
  /** The web page of the item. */
  link: string;
}

export interface OverdueItemSource {
  kind: string;
  label: string;
  /** Items of the campaign in the subtree at orgPath, overdue on `today`, that the caller may see. */
  items(
    db: Kysely<Database>,
    actor: Actor,
    f: { campaignId: number; orgPath: string; today: string },
  ): SelectFromAny<Database, OverdueItem>;
}
