import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PersonTable } from './tables.ts';
import { inScope, pathInSubtree, type Scope } from '../../db/scope.ts';
import { latinQuery } from '../../lib/pinyin.ts';

export type PersonRow = Selectable<PersonTable> & { orgName: string; userId: number | null };

export const personColumns = [
  'people.id',
  'people.orgId',
  'people.orgPath',
  'people.name',
  'people.namePinyin',
  'people.nameInitials',
  'people.gender',
  'people.position',
  'people.isPartyMember',
  'people.leadershipLevel',
  'people.phone',
  'people.active',
  'people.version',
  'people.createdAt',
  'people.updatedAt',
  'orgUnits.name as orgName',
] as const;

/** People joined with their unit name and linked account (users.person_id). */
function base(db: Kysely<Database>) {
  return db
    .selectFrom('people')
    .innerJoin('orgUnits', 'orgUnits.id', 'people.orgId')
    .leftJoin('users', 'users.personId', 'people.id');
}

function selectPerson(db: Kysely<Database>) {
  return base(db).select([...personColumns, 'users.id as userId']);
}

/** A person inside the scope (own record included), or undefined. */
export function findPersonInScope(db: Kysely<Database>, scope: Scope, id: number): Promise<PersonRow | undefined> {
  return selectPerson(db).where('people.id', '=', id).where(inScope(scope, 'people.orgPath', 'people.id')).executeTakeFirst();
}

/** A person regardless of scope: only to tell 403 from 404 on writes. */
export function findPerson(db: Kysely<Database>, id: number): Promise<PersonRow | undefined> {
  return selectPerson(db).where('people.id', '=', id).executeTakeFirst();
}

export interface PersonFilter {
  orgPath?: string;
  subtree?: boolean;
  q?: string;
  isPartyMember?: boolean;
  includeInactive?: boolean;
}

/** People in scope matching the filter (every predicate an index range on people's own columns). */
export function personQuery(db: Kysely<Database>, scope: Scope, filter: PersonFilter) {
  let qb = base(db).where(inScope(scope, 'people.orgPath', 'people.id'));
  if (filter.orgPath !== undefined) {
    const path = filter.orgPath;
    qb = filter.subtree === false ? qb.where('people.orgPath', '=', path) : qb.where((eb) => pathInSubtree(eb, 'people.orgPath', path));
  }
  if (filter.isPartyMember !== undefined) qb = qb.where('people.isPartyMember', '=', filter.isPartyMember ? 1 : 0);
  if (!filter.includeInactive) qb = qb.where('people.active', '=', 1);
  const q = filter.q?.trim();
  if (q) {
    const latin = latinQuery(q);
    qb = latin
      ? qb.where((eb) =>
          eb.or([
            eb.and([eb('people.nameInitials', '>=', latin), eb('people.nameInitials', '<', latin + '{')]),
            eb.and([eb('people.namePinyin', '>=', latin), eb('people.namePinyin', '<', latin + '{')]),
          ]),
        )
      : qb.where('people.name', 'like', `%${q.replace(/[%_\\]/g, '')}%`);
  }
  return qb;
}
