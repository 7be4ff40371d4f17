import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope, type Scope } from '../../db/scope.ts';

type Q = Kysely<Database>;

const columns = [
  'leaderAssignments.id',
  'leaderAssignments.personId',
  'people.name as personName',
  'leaderAssignments.orgId',
  'orgUnits.name as orgName',
  'orgUnits.path as orgPath',
] as const;

function base(db: Q) {
  return db
    .selectFrom('leaderAssignments')
    .innerJoin('people', 'people.id', 'leaderAssignments.personId')
    .innerJoin('orgUnits', 'orgUnits.id', 'leaderAssignments.orgId');
}

/**
 * Assignments the caller may see: those of units in scope, plus the caller's own (a leader always sees
 * which units they guide).
 */
export function listAssignments(db: Q, scope: Scope, personId?: number) {
  let qb = base(db).select(columns).where((eb) => {
    const own = scope.personId !== null ? [eb('leaderAssignments.personId', '=', scope.personId)] : [];
    return eb.or([inScope(scope, 'orgUnits.path')(eb), ...own]);
  });
  if (personId) qb = qb.where('leaderAssignments.personId', '=', personId);
  return qb.orderBy('leaderAssignments.personId').orderBy('orgUnits.path').execute();
}

export type AssignmentRow = Awaited<ReturnType<typeof listAssignments>>[number];

export function findAssignment(db: Q, id: number) {
  return base(db).select(columns).where('leaderAssignments.id', '=', id).executeTakeFirst();
}

export function findExisting(db: Q, personId: number, orgId: number) {
  return db.selectFrom('leaderAssignments').select('id').where('personId', '=', personId).where('orgId', '=', orgId).executeTakeFirst();
}
