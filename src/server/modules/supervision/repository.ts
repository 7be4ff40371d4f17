import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope, type Scope } from '../../db/scope.ts';

type Q = Kysely<Database>;

const columns = ['supervisionGroups.id', 'supervisionGroups.name', 'supervisionGroups.kind', 'supervisionGroups.orgId', 'supervisionGroups.version', 'orgUnits.path as orgPath'] as const;

function base(db: Q) {
  return db.selectFrom('supervisionGroups').innerJoin('orgUnits', 'orgUnits.id', 'supervisionGroups.orgId').where('supervisionGroups.active', '=', 1);
}

/** Visible groups: those set up by a unit in scope, and the groups the caller belongs to. */
function visible(db: Q, scope: Scope) {
  return base(db).where((eb) => {
    const mine =
      scope.personId !== null
        ? [eb.exists(eb.selectFrom('supervisionGroupMembers').select('groupId').whereRef('supervisionGroupMembers.groupId', '=', 'supervisionGroups.id').where('supervisionGroupMembers.personId', '=', scope.personId))]
        : [];
    return eb.or([inScope(scope, 'orgUnits.path')(eb), ...mine]);
  });
}

export function listGroups(db: Q, scope: Scope) {
  return visible(db, scope).select(columns).orderBy('supervisionGroups.id').execute();
}

export type GroupRow = Awaited<ReturnType<typeof listGroups>>[number];

export function findGroupInScope(db: Q, scope: Scope, id: number) {
  return visible(db, scope).select(columns).where('supervisionGroups.id', '=', id).executeTakeFirst();
}

export function findGroup(db: Q, id: number) {
  return base(db).select(columns).where('supervisionGroups.id', '=', id).executeTakeFirst();
}

/** Members and units of several groups in two queries. */
export async function groupDetails(db: Q, ids: number[]) {
  if (!ids.length) return { members: [], units: [] };
  const [members, units] = await Promise.all([
    db.selectFrom('supervisionGroupMembers').innerJoin('people', 'people.id', 'supervisionGroupMembers.personId')
      .select(['supervisionGroupMembers.groupId', 'people.id as personId', 'people.name']).where('supervisionGroupMembers.groupId', 'in', ids).orderBy('people.id').execute(),
    db.selectFrom('supervisionGroupUnits').innerJoin('orgUnits', 'orgUnits.id', 'supervisionGroupUnits.orgId')
      .select(['supervisionGroupUnits.groupId', 'orgUnits.id as orgId', 'orgUnits.name', 'orgUnits.path']).where('supervisionGroupUnits.groupId', 'in', ids).orderBy('orgUnits.path').execute(),
  ]);
  return { members, units };
}

export type GroupDetails = Awaited<ReturnType<typeof groupDetails>>;

/** Paths of the given units (missing ids simply have none). */
export function orgPaths(db: Q, ids: number[]) {
  if (!ids.length) return Promise.resolve([] as Array<{ id: number; path: string }>);
  return db.selectFrom('orgUnits').select(['id', 'path']).where('id', 'in', ids).execute();
}

export async function replaceMembers(db: Q, groupId: number, personIds: number[]) {
  await db.deleteFrom('supervisionGroupMembers').where('groupId', '=', groupId).execute();
  if (personIds.length) await db.insertInto('supervisionGroupMembers').values(personIds.map((personId) => ({ groupId, personId }))).execute();
}

export async function replaceUnits(db: Q, groupId: number, orgIds: number[]) {
  await db.deleteFrom('supervisionGroupUnits').where('groupId', '=', groupId).execute();
  if (orgIds.length) await db.insertInto('supervisionGroupUnits').values(orgIds.map((orgId) => ({ groupId, orgId }))).execute();
}
