import type { Policy } from '../../policies/engine.ts';
import { isManager } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';

/** Campaigns are configured by the admin and by the office whose scope holds the running unit. */
export const campaignPolicy: Policy<{ orgPath: string }> = {
  update: (actor, c) => isManager(actor) && scopeContains(actor.scope, c.orgPath),
};
