import type { Policy } from '../../policies/engine.ts';
import { isManager } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';

/** Only the office (and admins) connect, change and test group robots, for units in their scope. */
export const robotPolicy: Policy<{ orgPath: string }> = {
  update: (actor, r) => isManager(actor) && scopeContains(actor.scope, r.orgPath),
  delete: (actor, r) => isManager(actor) && scopeContains(actor.scope, r.orgPath),
  test: (actor, r) => isManager(actor) && scopeContains(actor.scope, r.orgPath),
};

/** Who may open the robots page at all (the rules above then decide per robot). */
export const mayManageRobots = isManager;
