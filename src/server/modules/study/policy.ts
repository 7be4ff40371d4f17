import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

/** The roles that record sessions (and so may upload a sign-in sheet). */
export const STUDY_RECORDERS = ['admin', 'office', 'secretary', 'officer'] as const;

/** Branch officers, 第一责任人 and the office record sessions for units in their scope. */
export const studyPolicy: Policy<{ orgPath: string; personId?: number }> = {
  record: (actor, s) => hasRole(actor, ...STUDY_RECORDERS) && scopeContains(actor.scope, s.orgPath),
  /** A make-up is closed by the unit's officers or by the member who made it up. */
  completeMakeup: (actor, m) =>
    (hasRole(actor, 'admin', 'office', 'secretary', 'officer') && scopeContains(actor.scope, m.orgPath)) ||
    (m.personId !== undefined && m.personId === actor.personId),
};
