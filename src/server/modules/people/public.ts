/** What other modules may use from the people module: read-only lookups. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope, type Scope } from '../../db/scope.ts';
import { peopleByNames } from './repository.ts';

/**
 * The people module's visibility rule over `people.orgPath` (and the caller's own record): another module
 * that joins people filters by it instead of writing its own predicate over this module's table. Figures
 * of a subtree count only the units' members (`ownRecord: false`).
 */
export const personVisible = (scope: Scope, { ownRecord = true } = {}) =>
  ownRecord ? inScope(scope, 'people.orgPath', 'people.id') : inScope(scope, 'people.orgPath');

/** People by id with their unit's path (conflict checks, inspector rosters, names on records). */
export function peopleByIds(db: Kysely<Database>, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['id', 'name', 'orgId', 'orgPath', 'active'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/**
 * People named in an imported ledger (a 签到表, a 牵头领导 column), as far as the caller's scope reaches,
 * optionally inside one unit's subtree, labelled for a pick list: 王芳（办公室党支部）.
 */
export async function peopleNamed(
  db: Kysely<Database>,
  scope: Scope,
  names: string[],
  within?: string,
  partyMembersOnly = false,
) {
  const rows = await peopleByNames(db, scope, names, within, partyMembersOnly);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    orgPath: p.orgPath,
    orgName: p.orgName,
    isPartyMember: Boolean(p.isPartyMember),
    label: `${p.name}（${p.orgName}）`,
  }));
}

/** The 人员名册 as an importable ledger (registered in modules/routes.ts). */
export { rosterLedger } from './roster-import.ts';
