import type { Policy } from '../../policies/engine.ts';
import { isManager } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';

/** The admin and the campaign office set 分管 for units inside their scope. */
export const leaderPolicy: Policy<{ path: string }> = {
  assign: (actor, org) => isManager(actor) && scopeContains(actor.scope, org.path),
};
