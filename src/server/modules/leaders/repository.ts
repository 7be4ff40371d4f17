import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Scope } from '../../db/scope.ts';
import { orgVisible } from '../orgs/public.ts';

/** 分管 assignments of units the caller sees, optionally of one leader or one unit, by name and tree order. */
export function listAssignments(db: Kysely<Database>, scope: Scope, filter: { personId?: number; orgId?: number }) {
  let qb = db
    .selectFrom('leaderAssignments')
    .innerJoin('people', 'people.id', 'leaderAssignments.personId')
    .innerJoin('orgUnits', 'orgUnits.id', 'leaderAssignments.orgId')
    .select([
      'leaderAssignments.id',
      'leaderAssignments.personId',
      'people.name as personName',
      'leaderAssignments.orgId',
      'orgUnits.name as orgName',
    ])
    .where(orgVisible(scope));
  if (filter.personId) qb = qb.where('leaderAssignments.personId', '=', filter.personId);
  if (filter.orgId) qb = qb.where('leaderAssignments.orgId', '=', filter.orgId);
  return qb.orderBy('people.name').orderBy('orgUnits.path').execute();
}

export function findAssignmentOf(db: Kysely<Database>, personId: number, orgId: number) {
  return db
    .selectFrom('leaderAssignments')
    .select('id')
    .where('personId', '=', personId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
}

/** One assignment with its leader's name (for the audit entry of its removal). */
export function findAssignment(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('leaderAssignments')
    .innerJoin('people', 'people.id', 'leaderAssignments.personId')
    .select(['leaderAssignments.orgId', 'leaderAssignments.personId', 'people.name'])
    .where('leaderAssignments.id', '=', id)
    .executeTakeFirst();
}

export function insertAssignment(db: Kysely<Database>, personId: number, orgId: number, at: string) {
  return db
    .insertInto('leaderAssignments')
    .values({ personId, orgId, createdAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deleteAssignment(db: Kysely<Database>, id: number) {
  await db.deleteFrom('leaderAssignments').where('id', '=', id).execute();
}
