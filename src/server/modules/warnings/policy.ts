import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

/** Thresholds are the campaign's configuration: the office of the campaign's unit sets them. */
export const warningPolicy: Policy<{ campaignOrgPath: string }> = {
  setThresholds: (actor, c) => hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, c.campaignOrgPath),
};
