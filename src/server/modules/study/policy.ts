import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

/** Branch officers, 第一责任人 and the office record sessions for units in their scope. */
export const studyPolicy: Policy<{ orgPath: string; personId?: number }> = {
  record: (actor, s) =>
    hasRole(actor, 'admin', 'office', 'secretary', 'officer') && scopeContains(actor.scope, s.orgPath),
  /** A make-up is closed by the unit's officers or by the member who made it up. */
  completeMakeup: (actor, m) =>
    (hasRole(actor, 'admin', 'office', 'secretary', 'officer') && scopeContains(actor.scope, m.orgPath)) ||
    (m.personId !== undefined && m.personId === actor.personId),
};
