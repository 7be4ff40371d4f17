import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

export interface TopicSubject {
  orgPath: string;
  leaderId: number;
  status: string;
}

const own = (actor: Parameters<Policy[string]>[0], t: TopicSubject) =>
  actor.personId !== null && actor.personId === t.leaderId;
const office = (actor: Parameters<Policy[string]>[0], t: TopicSubject) =>
  hasRole(actor, 'admin', 'office', 'secretary') && scopeContains(actor.scope, t.orgPath);

/** A leader works on their own topic (领题调研); the 第一责任人 and the office review and push up the best. */
export const topicPolicy: Policy<TopicSubject> = {
  update: (actor, t) => (own(actor, t) || office(actor, t)) && t.status !== 'accepted',
  report: (actor, t) => (own(actor, t) || office(actor, t)) && t.status !== 'accepted',
  review: (actor, t) => office(actor, t) && t.status === 'reported',
  toProblem: (actor, t) =>
    own(actor, t) || office(actor, t) || (hasRole(actor, 'officer') && scopeContains(actor.scope, t.orgPath)),
};
