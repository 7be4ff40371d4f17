import type { Policy } from '../../policies/engine.ts';
import { isOfficer, isResearchLead, isReviewer } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';

export interface TopicSubject {
  orgPath: string;
  leaderId: number;
  status: string;
}

const own = (actor: Parameters<Policy[string]>[0], t: { leaderId: number }) =>
  actor.personId !== null && actor.personId === t.leaderId;
const office = (actor: Parameters<Policy[string]>[0], t: { orgPath: string }) =>
  isReviewer(actor) && scopeContains(actor.scope, t.orgPath);

/** A leader works on their own topic (领题调研); the 第一责任人 and the office review and push up the best. */
/** Who may open a topic at a unit: a research lead for themself, or the office and 第一责任人 for anyone there. */
export function mayOpenTopic(actor: Parameters<Policy[string]>[0], t: { orgPath: string; leaderId: number }): boolean {
  return (own(actor, t) && isResearchLead(actor)) || office(actor, t);
}

export const topicPolicy: Policy<TopicSubject> = {
  update: (actor, t) => (own(actor, t) || office(actor, t)) && t.status !== 'accepted',
  report: (actor, t) => (own(actor, t) || office(actor, t)) && t.status !== 'accepted',
  review: (actor, t) => office(actor, t) && t.status === 'reported',
  toProblem: (actor, t) =>
    own(actor, t) || office(actor, t) || (isOfficer(actor) && scopeContains(actor.scope, t.orgPath)),
};
