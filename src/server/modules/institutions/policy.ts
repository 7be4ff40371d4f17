import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf, type Policy } from '../../policies/engine.ts';
import { isRecorder, isRectifier, isReviewer } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';
import { isInstitutionOpenFrom } from './lifecycle.ts';

export interface InstitutionSubject {
  orgPath: string;
  status: string;
}

const at = (actor: Actor, i: InstitutionSubject) => scopeContains(actor.scope, i.orgPath);

/**
 * Drafted by officers, leaders (from their research) and the office; reviewed and issued by the 第一责任人
 * or the office. Which statuses allow each action is the lifecycle's (a 409 outside them).
 */
export const institutionPolicy: Policy<InstitutionSubject> = {
  update: (actor, i) => isRectifier(actor) && at(actor, i),
  submit_review: (actor, i) => isRecorder(actor) && at(actor, i),
  issue: (actor, i) => isReviewer(actor) && at(actor, i),
  abolish: (actor, i) => isReviewer(actor) && at(actor, i),
};

/** What the caller may do with an institution now. */
export function institutionAbilities(actor: Actor, i: InstitutionSubject): Record<string, boolean> {
  return abilitiesOf(institutionPolicy, actor, i, (action) => isInstitutionOpenFrom(action, i.status));
}
