import type { Policy } from '../../policies/engine.ts';
import { isManager } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';

/** A campaign's reminder rule is set by whoever configures the campaign: the admin, the office over its unit. */
export const reminderRulePolicy: Policy<{ orgPath: string }> = {
  update: (actor, c) => isManager(actor) && scopeContains(actor.scope, c.orgPath),
};
