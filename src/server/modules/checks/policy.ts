import type { Actor } from '../../auth/actor.ts';
import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

export interface CheckSubject {
  orgPath: string;
  status: string;
  groupId: number | null;
  inspectorIds: number[];
  createdBy: number | null;
  /** The caller's supervision groups. */
  myGroupIds: number[];
}

/** An organiser of this check: the office over the unit, a member of its group, or an inspector drawn for it. */
const organiser = (actor: Actor, c: CheckSubject) =>
  (hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, c.orgPath)) ||
  (hasRole(actor, 'supervisor') &&
    scopeContains(actor.scope, c.orgPath) &&
    ((c.groupId !== null && c.myGroupIds.includes(c.groupId)) ||
      (actor.personId !== null && c.inspectorIds.includes(actor.personId)) ||
      c.createdBy === actor.userId));

/** The office and supervision groups plan and record checks; a recorded check is frozen (its findings live on as problems). */
export const checkPolicy: Policy<CheckSubject> = {
  record: (actor, c) => organiser(actor, c) && c.status === 'planned',
  update: (actor, c) => organiser(actor, c) && c.status === 'planned',
  delete: (actor, c) => organiser(actor, c) && c.status === 'planned',
};

export interface DrawSubject {
  orgPath: string;
  status: string;
  groupId: number | null;
  createdBy: number | null;
  myGroupIds: number[];
}

const drawOrganiser = (actor: Actor, d: DrawSubject) =>
  (hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, d.orgPath)) ||
  (hasRole(actor, 'supervisor') &&
    ((d.groupId !== null && d.myGroupIds.includes(d.groupId)) || d.createdBy === actor.userId));

export const drawPolicy: Policy<DrawSubject> = {
  draw: (actor, d) => drawOrganiser(actor, d) && d.status === 'committed',
  publish: (actor, d) => drawOrganiser(actor, d) && d.status === 'drawn',
};

/** Who may start a draw or plan a check at all (the unit's scope is checked against the records themselves). */
export const mayOrganise = (actor: Actor) => hasRole(actor, 'admin', 'office', 'supervisor');
