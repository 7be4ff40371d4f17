import type { Actor } from '../../auth/actor.ts';
import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

export interface ProblemSubject {
  orgPath: string;
  status: string;
  personId: number | null;
  /** Whether the caller owns (责任人) one of the problem's measures. */
  ownsMeasure?: boolean;
}

/** The roles that record problems (and so may import a 整改台账). */
export const PROBLEM_RECORDERS = ['admin', 'office', 'secretary', 'officer', 'leader'] as const;

const inScope = (actor: Actor, p: ProblemSubject) => scopeContains(actor.scope, p.orgPath);
const records = (actor: Actor, p: ProblemSubject) => hasRole(actor, ...PROBLEM_RECORDERS) && inScope(actor, p);
const reviews = (actor: Actor, p: ProblemSubject) =>
  hasRole(actor, 'admin', 'office', 'secretary') && inScope(actor, p);
const open = (p: ProblemSubject) => p.status !== 'closed';

/**
 * Officers and leaders record and push problems; the 第一责任人 (and the office) review: confirm, accept
 * or return, and decide extensions. A measure's owner may report its progress.
 */
export const problemPolicy: Policy<ProblemSubject> = {
  update: (actor, p) => records(actor, p) && (p.status === 'draft' || p.status === 'in_progress'),
  delete: (actor, p) => records(actor, p) && p.status === 'draft',
  addMeasure: (actor, p) => records(actor, p) && (p.status === 'draft' || p.status === 'in_progress'),
  confirm: (actor, p) => reviews(actor, p) && p.status === 'draft',
  submit: (actor, p) => records(actor, p) && p.status === 'in_progress',
  approve: (actor, p) => reviews(actor, p) && p.status === 'submitted',
  reject: (actor, p) => reviews(actor, p) && p.status === 'submitted',
  escalate: (actor, p) => (reviews(actor, p) || (hasRole(actor, 'officer') && inScope(actor, p))) && open(p),
  reportProgress: (actor, p) => open(p) && (records(actor, p) || !!p.ownsMeasure),
  requestExtension: (actor, p) => p.status === 'in_progress' && (records(actor, p) || !!p.ownsMeasure),
  decideExtension: (actor, p) => reviews(actor, p) && open(p),
};
