import type { Db } from '../db/connection.ts';
import { FULL_SCOPE, normalizeScope, type Scope } from '../db/scope.ts';
import type { Role, ScopeKind } from '../../shared/roles.ts';

export interface Grant {
  id: number;
  role: Role;
  orgId: number | null;
  scopeKind: ScopeKind;
}

/** The caller, loaded once per request: who they are, their roles and their data scope. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  personId: number | null;
  orgId: number | null;
  orgPath: string | null;
  roles: Role[];
  grants: Grant[];
  scope: Scope;
}

/**
 * A stand-in actor for building a query whose visibility the caller has already settled — the actor sees
 * everything, or the whole subtree the query is bounded by — so the query needs no visibility predicate
 * (db/reusable-query.ts builds such queries once for everyone). Never used to decide what anyone may do.
 */
export const SETTLED_VISIBILITY: Actor = Object.freeze({
  userId: 0,
  username: '',
  displayName: '',
  personId: null,
  orgId: null,
  orgPath: null,
  roles: [],
  grants: [],
  scope: FULL_SCOPE,
});

/** Loads an active user's actor, or null when the account is missing or deactivated. */
export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.personId')
    .leftJoin('orgUnits', 'orgUnits.id', 'people.orgId')
    .select([
      'users.id',
      'users.username',
      'users.displayName',
      'users.personId',
      'users.active',
      'people.orgId',
      'orgUnits.path as orgPath',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user?.active) return null;
  const grants = (await db
    .selectFrom('roleGrants')
    .select(['id', 'role', 'orgId', 'scopeKind'])
    .where('userId', '=', userId)
    .orderBy('id')
    .execute()) as Grant[];
  const scope = await resolveScope(db, grants, user.personId, user.orgPath ?? null);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    orgId: user.orgId ?? null,
    orgPath: user.orgPath ?? null,
    roles: [...new Set(grants.map((g) => g.role))],
    grants,
    scope,
  };
}

async function pathsOf(db: Db, orgIds: number[]): Promise<string[]> {
  if (!orgIds.length) return [];
  const rows = await db.selectFrom('orgUnits').select('path').where('id', 'in', orgIds).execute();
  return rows.map((r) => r.path);
}

/** Turns role grants into one path-based scope (the union of what each grant allows). */
export async function resolveScope(
  db: Db,
  grants: Grant[],
  personId: number | null,
  personOrgPath: string | null,
): Promise<Scope> {
  if (grants.some((g) => g.scopeKind === 'all')) return FULL_SCOPE;
  const subtreeIds: number[] = [];
  const unitIds: number[] = [];
  const unitPaths: string[] = [];
  let wantsAssigned = false;
  let wantsGroups = false;
  for (const g of grants) {
    if (g.scopeKind === 'subtree' && g.orgId) subtreeIds.push(g.orgId);
    if (g.scopeKind === 'assigned') {
      wantsAssigned = true;
      if (g.orgId) unitIds.push(g.orgId);
      else if (personOrgPath) unitPaths.push(personOrgPath);
    }
    if (g.scopeKind === 'group') wantsGroups = true;
  }
  if (wantsAssigned && personId) {
    const rows = await db.selectFrom('leaderAssignments').select('orgId').where('personId', '=', personId).execute();
    subtreeIds.push(...rows.map((r) => r.orgId));
  }
  if (wantsGroups && personId) {
    const rows = await db
      .selectFrom('supervisionGroupUnits')
      .innerJoin('supervisionGroupMembers', 'supervisionGroupMembers.groupId', 'supervisionGroupUnits.groupId')
      .innerJoin('supervisionGroups', 'supervisionGroups.id', 'supervisionGroupUnits.groupId')
      .select('supervisionGroupUnits.orgId')
      .where('supervisionGroupMembers.personId', '=', personId)
      .where('supervisionGroups.active', '=', 1)
      .execute();
    subtreeIds.push(...rows.map((r) => r.orgId));
  }
  return normalizeScope({
    all: false,
    subtreePaths: await pathsOf(db, subtreeIds),
    unitPaths: [...unitPaths, ...(await pathsOf(db, unitIds))],
    personId,
  });
}
