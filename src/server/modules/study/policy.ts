import { abilitiesOf, type Policy } from '../../policies/engine.ts';
import { ROLE_GROUPS, isRecorder, isReviewer } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';

/** The roles that record sessions (and so may upload a sign-in sheet). */
export const STUDY_RECORDERS = ROLE_GROUPS.recorders;

/** Branch officers, 第一责任人 and the office record sessions for units in their scope. */
export const studyPolicy: Policy<{ orgPath: string; personId?: number }> = {
  record: (actor, s) => isRecorder(actor) && scopeContains(actor.scope, s.orgPath),
  /** A make-up is closed by the unit's officers or by the member who made it up. */
  completeMakeup: (actor, m) =>
    (isRecorder(actor) && scopeContains(actor.scope, m.orgPath)) ||
    (m.personId !== undefined && m.personId === actor.personId),
};

/** Officers submit unit plans, members their own; the 第一责任人 (or the office) reviews a submitted one. */
export const planPolicy: Policy<{ orgPath: string; personId: number | null; status: string }> = {
  review: (actor, p) => isReviewer(actor) && scopeContains(actor.scope, p.orgPath),
};

/** A unit's plan is submitted by its recorders (anyone may submit a personal one). */
export const maySubmitUnitPlan = isRecorder;

/** What the caller may do with a plan now (review only while it is submitted). */
export function planAbilities(
  actor: Parameters<Policy[string]>[0],
  p: { orgPath: string; personId: number | null; status: string },
) {
  return abilitiesOf(planPolicy, actor, p, (action) => action !== 'review' || p.status === 'submitted');
}
