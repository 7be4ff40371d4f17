/** What other modules may use from the people module: read-only queries, never its repository. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Scope } from '../../db/scope.ts';
import { findPersonInScope } from './repository.ts';

/** A person visible to the caller (with unit name and path), or undefined. */
export function visiblePerson(db: Kysely<Database>, scope: Scope, id: number) {
  return findPersonInScope(db, scope, id);
}
