import type { Actor } from '../../auth/actor.ts';
import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

export interface ExemplarSubject {
  orgPath: string;
  levelOrgPath: string;
  status: string;
}

const atLevel = (actor: Actor, e: ExemplarSubject, ...roles: Parameters<typeof hasRole>[1][]) =>
  hasRole(actor, ...roles) && scopeContains(actor.scope, e.levelOrgPath);

/**
 * 层层推荐: the unit the nomination waits at (its 第一责任人 or the office) approves it up or turns it down;
 * the office at the top runs the 公示, handles objections and selects.
 */
export const exemplarPolicy: Policy<ExemplarSubject> = {
  approve: (actor, e) => e.status === 'nominated' && atLevel(actor, e, 'admin', 'office', 'secretary'),
  reject: (actor, e) =>
    (e.status === 'nominated' && atLevel(actor, e, 'admin', 'office', 'secretary')) ||
    ((e.status === 'recommended' || e.status === 'notice') && atLevel(actor, e, 'admin', 'office')),
  startNotice: (actor, e) => e.status === 'recommended' && atLevel(actor, e, 'admin', 'office'),
  select: (actor, e) => e.status === 'notice' && atLevel(actor, e, 'admin', 'office'),
  handleObjection: (actor, e) => e.status === 'notice' && atLevel(actor, e, 'admin', 'office'),
  object: (_actor, e) => e.status === 'notice',
};

/** Who may nominate from a unit. */
export const mayNominate = (actor: Actor, orgPath: string) =>
  hasRole(actor, 'admin', 'office', 'secretary', 'officer') && scopeContains(actor.scope, orgPath);
