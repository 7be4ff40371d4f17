import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

/** The admin and the campaign office form groups at units inside their scope. */
export const groupPolicy: Policy<{ orgPath: string }> = {
  update: (actor, g) => hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, g.orgPath),
  delete: (actor, g) => hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, g.orgPath),
};
