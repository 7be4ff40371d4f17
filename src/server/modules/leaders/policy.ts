import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

export interface AssignmentSubject {
  orgPath: string;
}

/** 分管 assignments are set by the admin and by the campaign office for units in its scope. */
export const leaderAssignmentPolicy: Policy<AssignmentSubject> = {
  read: (actor, a) => scopeContains(actor.scope, a.orgPath),
  manage: (actor, a) => hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, a.orgPath),
};
