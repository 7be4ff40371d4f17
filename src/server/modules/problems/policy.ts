import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf, type Policy, type Rule } from '../../policies/engine.ts';
import { ROLE_GROUPS, isManager, isOfficer, isRectifier, isReviewer } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';
import { isOpenFrom, type ProblemAction } from './lifecycle.ts';

export interface ProblemSubject {
  orgPath: string;
  status: string;
  personId: number | null;
  /** Whether the caller owns (责任人) one of the problem's measures. */
  ownsMeasure?: boolean;
  /** The user who asked for 销号 (null when not submitted, or submitted before this was recorded). */
  submittedBy?: number | null;
}

/** The roles that record problems (and so may import a 整改台账). */
export const PROBLEM_RECORDERS = ROLE_GROUPS.rectifiers;

const inScope = (actor: Actor, p: { orgPath: string }) => scopeContains(actor.scope, p.orgPath);
const records = (actor: Actor, p: ProblemSubject) => isRectifier(actor) && inScope(actor, p);
const reviews = (actor: Actor, p: ProblemSubject) => isReviewer(actor) && inScope(actor, p);
// The submitter (submittedBy) is recorded; separation of duties on 销号 decisions is not enforced yet: the
// office that runs a small unit alone often both applies and decides (see the notes of the stop that took it out).
const decides = reviews;
const recordsOrOwns = (actor: Actor, p: ProblemSubject) => records(actor, p) || !!p.ownsMeasure;

/**
 * Who may act on a problem: officers and leaders record and push problems; the 第一责任人 (and the office)
 * review — confirm, accept or return (never a 销号 request they made themselves), and decide extensions;
 * a measure's owner may report its progress.
 * Whether the problem's status allows the action at all is the lifecycle's (OPEN_FROM): a 409, not a 403.
 */
export const problemPolicy = {
  update: records,
  delete: records,
  addMeasure: records,
  confirm: reviews,
  submit: records,
  approve: decides,
  reject: decides,
  escalate: (actor: Actor, p: ProblemSubject) => reviews(actor, p) || (isOfficer(actor) && inScope(actor, p)),
  reportProgress: recordsOrOwns,
  requestExtension: recordsOrOwns,
  decideExtension: reviews,
} satisfies Policy<ProblemSubject> & Record<ProblemAction, Rule<ProblemSubject>>;

/** What the caller may do now: who may act, and the status allows it (sent with every problem). */
export function problemAbilities(actor: Actor, p: ProblemSubject): Record<string, boolean> {
  return abilitiesOf(problemPolicy, actor, p, (action) => isOpenFrom(action as ProblemAction, p.status));
}

/** 专项整治 lists are opened by the office for a lead unit in its scope. */
export const specialItemPolicy: Policy<{ orgPath: string }> = {
  create: (actor, u) => isManager(actor) && inScope(actor, u),
};
