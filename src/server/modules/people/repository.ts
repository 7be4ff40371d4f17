import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope, pathInSubtree, type Scope } from '../../db/scope.ts';
import { nameMatches } from '../../db/name-search.ts';
import { fetchPage } from '../../db/page.ts';

export const personColumns = [
  'people.id',
  'people.orgId',
  'people.orgPath',
  'orgUnits.name as orgName',
  'people.name',
  'people.gender',
  'people.position',
  'people.isPartyMember',
  'people.leadershipLevel',
  'people.phone',
  'people.active',
  'people.version',
  'people.createdAt',
  'people.updatedAt',
  'users.id as userId',
] as const;

/** People joined with their unit name and linked account, scoped: a member sees only their own record. */
export function peopleBase(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('people')
    .innerJoin('orgUnits', 'orgUnits.id', 'people.orgId')
    .leftJoin('users', 'users.personId', 'people.id')
    .where(inScope(scope, 'people.orgPath', 'people.id'));
}

export interface PeopleFilter {
  orgPath?: string;
  orgId?: number;
  subtree?: boolean;
  q?: string;
  isPartyMember?: boolean;
  includeInactive?: boolean;
}

/** The filtered list query (search: see db/name-search.ts). */
export function peopleQuery(db: Kysely<Database>, scope: Scope, filter: PeopleFilter) {
  let qb = peopleBase(db, scope);
  if (filter.orgPath) {
    const orgPath = filter.orgPath;
    qb =
      filter.subtree === false
        ? qb.where('people.orgId', '=', filter.orgId!)
        : qb.where((eb) => pathInSubtree(eb, 'people.orgPath', orgPath));
  }
  if (!filter.includeInactive) qb = qb.where('people.active', '=', 1);
  if (filter.isPartyMember !== undefined) qb = qb.where('people.isPartyMember', '=', filter.isPartyMember ? 1 : 0);
  if (filter.q?.trim()) qb = qb.where(nameMatches('people', filter.q));
  return qb;
}

/** People in list order: by unit, then pinyin. */
export function peopleListRows(filtered: ReturnType<typeof peopleQuery>) {
  return filtered.select(personColumns).orderBy('people.orgPath').orderBy('people.namePinyin').orderBy('people.id');
}

/** A page of people with its total. */
export function peoplePage(filtered: ReturnType<typeof peopleQuery>, page: number, pageSize: number) {
  return fetchPage(filtered, peopleListRows, page, pageSize);
}

export function findPersonInScope(db: Kysely<Database>, scope: Scope, id: number) {
  return peopleBase(db, scope).select(personColumns).where('people.id', '=', id).executeTakeFirst();
}

export function findPerson(db: Kysely<Database>, id: number) {
  return db.selectFrom('people').select(['id', 'orgPath']).where('id', '=', id).executeTakeFirst();
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonInScope>>>;

/** Active people inside the scope (optionally inside one subtree) whose name is one of `names`; index people_name. */
export function peopleByNames(
  db: Kysely<Database>,
  scope: Scope,
  names: string[],
  within?: string,
  partyMembersOnly = false,
) {
  if (!names.length) return Promise.resolve([]);
  let qb = peopleBase(db, scope).select(personColumns).where('people.name', 'in', names).where('people.active', '=', 1);
  if (within) qb = qb.where((eb) => pathInSubtree(eb, 'people.orgPath', within));
  if (partyMembersOnly) qb = qb.where('people.isPartyMember', '=', 1);
  return qb.orderBy('people.orgPath').orderBy('people.id').execute();
}
