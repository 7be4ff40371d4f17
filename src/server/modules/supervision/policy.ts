import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

export interface GroupSubject {
  orgPath: string;
  unitPaths: string[];
}

const manages: Policy<GroupSubject>[string] = (actor, g) =>
  hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, g.orgPath) && g.unitPaths.every((p) => scopeContains(actor.scope, p));

/** Supervision groups are set up by the admin and by the office for units inside its scope. */
export const groupPolicy: Policy<GroupSubject> = {
  update: manages,
  delete: manages,
};
