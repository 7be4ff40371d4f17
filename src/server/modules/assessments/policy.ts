import { hasRole, type Policy } from '../../policies/engine.ts';
import { coversSubtree, scopeContains } from '../../db/scope.ts';

export interface AssessmentRecord {
  orgPath: string;
  status: string;
  published: number | boolean;
}

/** The office (or an admin) over the assessed subtree builds, finalises and publishes an assessment. */
const manages = (actor: Parameters<Policy[string]>[0], a: AssessmentRecord) =>
  hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, a.orgPath);

export const assessmentPolicy: Policy<AssessmentRecord> = {
  update: (actor, a) => manages(actor, a) && a.status === 'draft',
  finalise: (actor, a) => manages(actor, a) && a.status === 'draft',
  publish: (actor, a) => manages(actor, a) && a.status === 'final' && !a.published,
  review: (actor, a) => manages(actor, a) && a.status === 'draft',
};

/** Who may see every unit's details (parts and evidence): whoever sees the whole assessed subtree. */
export const seesAllDetails = (actor: Parameters<Policy[string]>[0], a: AssessmentRecord) =>
  coversSubtree(actor.scope, a.orgPath);

/** Who may see every unit's score and rank: the whole subtree, or everyone once the ranking is published. */
export const seesRanking = (actor: Parameters<Policy[string]>[0], a: AssessmentRecord) =>
  seesAllDetails(actor, a) || !!a.published;

/**
 * An entry for a unit: the office enters 加分/扣分 and 一票否决 (accepted at once); the unit's 第一责任人 or 党务干部
 * enters a 自评 claim with evidence for its own units (pending until 上级审核). Only while the assessment is a draft.
 */
export const entryPolicy: Policy<{ assessment: AssessmentRecord; orgPath: string }> = {
  create: (actor, e) =>
    e.assessment.status === 'draft' &&
    (manages(actor, e.assessment) || (hasRole(actor, 'secretary', 'officer') && scopeContains(actor.scope, e.orgPath))),
};

/** The office's own entries count at once; a unit's claim waits for review. */
export const entryStartsAccepted = manages;
