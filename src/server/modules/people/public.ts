/** What other modules may use from the people module: read-only lookups. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope, type Scope } from '../../db/scope.ts';

/**
 * The people module's visibility rule over `people.orgPath` (and the caller's own record): another module
 * that joins people filters by it instead of writing its own predicate over this module's table.
 */
export const personVisible = (scope: Scope) => inScope(scope, 'people.orgPath', 'people.id');

/** People by id with their unit's path (conflict checks, inspector rosters, names on records). */
export function peopleByIds(db: Kysely<Database>, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['id', 'name', 'orgId', 'orgPath', 'active'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
