import type { Actor } from '../../auth/actor.ts';
import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

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
export const PROBLEM_RECORDERS = ['admin', 'office', 'secretary', 'officer', 'leader'] as const;

const inScope = (actor: Actor, p: ProblemSubject) => scopeContains(actor.scope, p.orgPath);
const records = (actor: Actor, p: ProblemSubject) => hasRole(actor, ...PROBLEM_RECORDERS) && inScope(actor, p);
const reviews = (actor: Actor, p: ProblemSubject) =>
  hasRole(actor, 'admin', 'office', 'secretary') && inScope(actor, p);
const open = (p: ProblemSubject) => p.status !== 'closed';
/** Said on the disabled button and in the 403 when the submitter tries to decide on their own request. */
export const OWN_SUBMISSION = '本人提交的销号申请须由其他审核人审核（审核分离）';

/** Separation of duties: whoever asked for 销号 cannot decide on their own request. */
const notOwnSubmission = (actor: Actor, p: ProblemSubject) => p.submittedBy == null || p.submittedBy !== actor.userId;

/**
 * Officers and leaders record and push problems; the 第一责任人 (and the office) review: confirm, accept
 * or return, and decide extensions — never on a 销号 request they made themselves. A measure's owner may report
 * its progress.
 */
export const problemPolicy: Policy<ProblemSubject> = {
  update: (actor, p) => records(actor, p) && (p.status === 'draft' || p.status === 'in_progress'),
  delete: (actor, p) => records(actor, p) && p.status === 'draft',
  addMeasure: (actor, p) => records(actor, p) && (p.status === 'draft' || p.status === 'in_progress'),
  confirm: (actor, p) => reviews(actor, p) && p.status === 'draft',
  submit: (actor, p) => records(actor, p) && p.status === 'in_progress',
  approve: (actor, p) => reviews(actor, p) && p.status === 'submitted' && notOwnSubmission(actor, p),
  reject: (actor, p) => reviews(actor, p) && p.status === 'submitted' && notOwnSubmission(actor, p),
  escalate: (actor, p) => (reviews(actor, p) || (hasRole(actor, 'officer') && inScope(actor, p))) && open(p),
  reportProgress: (actor, p) => open(p) && (records(actor, p) || !!p.ownsMeasure),
  requestExtension: (actor, p) => p.status === 'in_progress' && (records(actor, p) || !!p.ownsMeasure),
  decideExtension: (actor, p) => reviews(actor, p) && open(p),
};
