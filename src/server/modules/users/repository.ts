import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface UserFilter {
  q?: string;
  role?: string;
}

/** Accounts matching the filter (admin-only listing, so no scope predicate). */
export function userQuery(db: Kysely<Database>, filter: UserFilter) {
  let qb = db
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.personId')
    .leftJoin('orgUnits', 'orgUnits.id', 'people.orgId');
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '')}%`;
    qb = qb.where((eb) =>
      eb.or([
        eb('users.username', 'like', like),
        eb('users.displayName', 'like', like),
        eb('people.name', 'like', like),
      ]),
    );
  }
  if (filter.role) {
    const role = filter.role;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('roleGrants')
          .select('roleGrants.id')
          .whereRef('roleGrants.userId', '=', 'users.id')
          .where('roleGrants.role', '=', role),
      ),
    );
  }
  return qb;
}

export const userColumns = [
  'users.id',
  'users.username',
  'users.displayName',
  'users.personId',
  'users.active',
  'users.version',
  'people.name as personName',
  'orgUnits.name as orgName',
] as const;

export function findUser(db: Kysely<Database>, id: number) {
  return userQuery(db, {}).select(userColumns).where('users.id', '=', id).executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/** Grants of several users at once, with unit names (one query for a whole page). */
export async function grantsOf(db: Kysely<Database>, userIds: number[]) {
  if (!userIds.length) return [];
  return db
    .selectFrom('roleGrants')
    .leftJoin('orgUnits', 'orgUnits.id', 'roleGrants.orgId')
    .select([
      'roleGrants.id',
      'roleGrants.userId',
      'roleGrants.role',
      'roleGrants.orgId',
      'roleGrants.scopeKind',
      'orgUnits.name as orgName',
    ])
    .where('roleGrants.userId', 'in', userIds)
    .orderBy('roleGrants.id')
    .execute();
}

export type GrantRow = Awaited<ReturnType<typeof grantsOf>>[number];

export function tokensOf(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'createdAt', 'lastUsedAt'])
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .orderBy('id')
    .execute();
}
