import type { Actor } from '../../auth/actor.ts';
import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';
import type { DemandAction } from '../../../shared/demand-enums.ts';

export interface DemandSubject {
  orgPath: string | null;
  intakePath: string;
  status: string;
  confidential: number;
  extensionDays: number | null;
  satisfaction: string | null;
  visitedAt: string | null;
  problemId: number | null;
}

/** The 12345 office (office, admin) over the unit that took the call or handles it: dispatches, visits, closes. */
const dispatches = (actor: Actor, d: DemandSubject) =>
  hasRole(actor, 'admin', 'office') &&
  (scopeContains(actor.scope, d.intakePath) || (d.orgPath !== null && scopeContains(actor.scope, d.orgPath)));
/** The handling unit (its secretary and officers) or a superior over it. */
const handles = (actor: Actor, d: DemandSubject) =>
  hasRole(actor, 'admin', 'office', 'secretary', 'officer') &&
  d.orgPath !== null &&
  scopeContains(actor.scope, d.orgPath);

/** Whose 我的待办 lists demands to accept and answer: the handling unit's people (the office follows up instead). */
export const takesDemandsOnTodo = (actor: Actor) => hasRole(actor, 'admin', 'secretary', 'officer');
/** Whose 我的待办 lists demands to dispatch and visit: the 12345 office. */
export const dispatchesDemandsOnTodo = (actor: Actor) => hasRole(actor, 'admin', 'office');

/**
 * 首接负责制: the office dispatches and follows up; the handling unit accepts, returns, asks for more time and
 * answers. A confidential complainant is hidden from the handling unit; the office still sees them.
 */
export const demandPolicy: Policy<DemandSubject> = {
  dispatch: (a, d) => dispatches(a, d) && d.status === 'received',
  accept: (a, d) => handles(a, d) && d.status === 'dispatched',
  return: (a, d) => handles(a, d) && (d.status === 'dispatched' || d.status === 'accepted'),
  request_extension: (a, d) => handles(a, d) && d.status === 'accepted' && d.extensionDays === null,
  approve_extension: (a, d) => dispatches(a, d) && d.extensionDays !== null,
  reject_extension: (a, d) => dispatches(a, d) && d.extensionDays !== null,
  answer: (a, d) => handles(a, d) && d.status === 'accepted',
  visit: (a, d) => dispatches(a, d) && d.status === 'answered' && d.visitedAt === null,
  close: (a, d) => dispatches(a, d) && d.status === 'answered',
  reopen: (a, d) => dispatches(a, d) && d.satisfaction === 'unsatisfied' && d.status !== 'accepted',
  merge: (a, d) => dispatches(a, d) && d.status !== 'answered' && d.status !== 'closed',
  addCoHandler: (a, d) => (dispatches(a, d) || handles(a, d)) && d.status !== 'closed' && d.orgPath !== null,
  toProblem: (a, d) => (dispatches(a, d) || handles(a, d)) && d.problemId === null && d.orgPath !== null,
  seeContact: (a, d) => dispatches(a, d) || (handles(a, d) && !d.confidential),
};

/** Whose step each action is: the office's (dispatch, follow up) or the handling unit's. */
const STEP_OF: Record<DemandAction, 'office' | 'unit'> = {
  dispatch: 'office',
  accept: 'unit',
  return: 'unit',
  request_extension: 'unit',
  approve_extension: 'office',
  reject_extension: 'office',
  answer: 'unit',
  visit: 'office',
  close: 'office',
  reopen: 'office',
  merge: 'office',
};

/**
 * Whether the action is the caller's to take at all, whatever the state: 403 when not. Whether the state
 * allows it is the lifecycle's answer (409), so a wrong move by the right person is a conflict, not a refusal.
 */
export function mayTake(actor: Actor, d: DemandSubject, action: DemandAction): boolean {
  return STEP_OF[action] === 'office' ? dispatches(actor, d) : handles(actor, d);
}

/** Staff who record demands from 12345, letters and visits. */
export function mayRecordDemand(actor: Actor, intakePath: string): boolean {
  return hasRole(actor, 'admin', 'office', 'secretary', 'officer') && scopeContains(actor.scope, intakePath);
}

/** Who may change the 三率 weights and the repeat-check settings: the office. */
export function mayConfigureRates(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'office');
}
