import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

/** Only the office (and admins) connect, change and test group robots, for units in their scope. */
export const robotPolicy: Policy<{ orgPath: string }> = {
  update: (actor, r) => hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, r.orgPath),
  delete: (actor, r) => hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, r.orgPath),
  test: (actor, r) => hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, r.orgPath),
};
