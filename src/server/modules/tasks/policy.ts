import type { Actor } from '../../auth/actor.ts';
import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

export interface TaskSubject {
  orgPath: string;
  /** Paths of its 责任单位 and 配合单位. */
  unitPaths: string[];
  leaderId: number | null;
  parentId: number | null;
  /** The campaign's own unit: a top-level task it leads is campaign-level. */
  campaignOrgPath: string;
  done: boolean;
  hasMilestones: boolean;
  hasChildren: boolean;
}

const leads = (actor: Actor, t: TaskSubject) => scopeContains(actor.scope, t.orgPath);
const involved = (actor: Actor, t: TaskSubject) =>
  leads(actor, t) || t.unitPaths.some((p) => scopeContains(actor.scope, p));
/** The office plans; a unit's 第一责任人 plans for its own subtree. */
const plans = (actor: Actor, t: TaskSubject) => hasRole(actor, 'admin', 'office', 'secretary') && leads(actor, t);
const campaignLevel = (t: TaskSubject) => t.parentId === null && t.orgPath === t.campaignOrgPath;
/** Who keeps a task moving: the lead and responsible units' cadres, and its 牵头领导. */
const reports = (actor: Actor, t: TaskSubject) =>
  (hasRole(actor, 'admin', 'office', 'secretary', 'officer', 'leader') && involved(actor, t)) ||
  (actor.personId !== null && actor.personId === t.leaderId);

/**
 * Only the office records campaign-level 重点任务; a secretary records and splits tasks of its own subtree.
 * The responsible unit (and the leader) gives the 周调度 update and marks milestones done.
 */
export const taskPolicy: Policy<TaskSubject> = {
  create: (actor, t) => (campaignLevel(t) ? hasRole(actor, 'admin', 'office') && leads(actor, t) : plans(actor, t)),
  update: (actor, t) => (campaignLevel(t) ? hasRole(actor, 'admin', 'office') && leads(actor, t) : plans(actor, t)),
  split: (actor, t) => plans(actor, t) && !t.hasMilestones && !t.done,
  planMilestones: (actor, t) => plans(actor, t) && !t.hasChildren,
  completeMilestone: (actor, t) => reports(actor, t) && !t.hasChildren,
  report: (actor, t) => reports(actor, t) && !t.done && !t.hasChildren,
  raiseProblem: (actor, t) => reports(actor, t),
};
