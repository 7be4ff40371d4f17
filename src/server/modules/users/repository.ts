import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

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

export interface UserFilter {
  q?: string;
  role?: string;
}

/** Accounts matching the filter (admin only, so no data scope applies). */
export function userQuery(db: Q, filter: UserFilter) {
  let qb = db
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.personId')
    .leftJoin('orgUnits', 'orgUnits.id', 'people.orgId');
  if (filter.q) {
    const like = `%${filter.q.trim()}%`;
    qb = qb.where((eb) => eb.or([eb('users.username', 'like', like), eb('users.displayName', 'like', like)]));
  }
  if (filter.role) {
    const role = filter.role;
    qb = qb.where((eb) => eb.exists(eb.selectFrom('roleGrants').select('roleGrants.id').whereRef('roleGrants.userId', '=', 'users.id').where('roleGrants.role', '=', role)));
  }
  return qb;
}

export type UserRow = {
  id: number;
  username: string;
  displayName: string;
  personId: number | null;
  active: number;
  version: number;
  personName: string | null;
  orgName: string | null;
};

export async function findUser(db: Q, id: number): Promise<UserRow | undefined> {
  return userQuery(db, {}).select(userColumns).where('users.id', '=', id).executeTakeFirst();
}

export interface GrantRow {
  id: number;
  userId: number;
  role: string;
  orgId: number | null;
  orgName: string | null;
  scopeKind: string;
}

/** Grants of several users in one query (no per-row lookups in lists). */
export async function grantsOf(db: Q, userIds: number[]): Promise<GrantRow[]> {
  if (!userIds.length) return [];
  return db
    .selectFrom('roleGrants')
    .leftJoin('orgUnits', 'orgUnits.id', 'roleGrants.orgId')
    .select(['roleGrants.id', 'roleGrants.userId', 'roleGrants.role', 'roleGrants.orgId', 'orgUnits.name as orgName', 'roleGrants.scopeKind'])
    .where('roleGrants.userId', 'in', userIds)
    .orderBy('roleGrants.id')
    .execute();
}

export async function usernameTaken(db: Q, username: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst());
}

export async function personExists(db: Q, personId: number): Promise<{ id: number; orgId: number } | undefined> {
  return db.selectFrom('people').select(['id', 'orgId']).where('id', '=', personId).executeTakeFirst();
}

export async function tokensOf(db: Q, userId: number) {
  return db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('userId', '=', userId)
    .orderBy('id')
    .execute();
}
