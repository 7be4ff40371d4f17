import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

/** Drafted by officers, leaders (from their research) and the office; reviewed and issued by the 第一责任人 or the office. */
export const institutionPolicy: Policy<{ orgPath: string; status: string }> = {
  update: (actor, i) =>
    hasRole(actor, 'admin', 'office', 'secretary', 'officer', 'leader') &&
    scopeContains(actor.scope, i.orgPath) &&
    (i.status === 'draft' || i.status === 'review'),
  submit_review: (actor, i) =>
    hasRole(actor, 'admin', 'office', 'secretary', 'officer') && scopeContains(actor.scope, i.orgPath),
  issue: (actor, i) => hasRole(actor, 'admin', 'office', 'secretary') && scopeContains(actor.scope, i.orgPath),
  abolish: (actor, i) => hasRole(actor, 'admin', 'office', 'secretary') && scopeContains(actor.scope, i.orgPath),
};
