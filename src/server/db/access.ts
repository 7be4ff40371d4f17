/**
 * Bulk visibility checks (Immich's access repository): each module's public.ts offers
 * `visibleXIds(db, actor, ids) → Set` built on its own `xVisible(actor)` expression, and callers that link
 * records by id ask it once for the whole list instead of writing their own predicate over that table.
 */
import { invalidField } from '../errors.ts';

/** The distinct ids of a list, for an IN query. */
export const distinctIds = (ids: readonly number[]): number[] => [...new Set(ids)];

/** Throws 400 on `field` unless every id of the list is in the allowed set. */
export function requireAllIds(ids: readonly number[], allowed: ReadonlySet<number>, field: string, message: string) {
  if (ids.some((id) => !allowed.has(id))) throw invalidField(field, message);
}
