import { hasRole, type Policy } from '../../policies/engine.ts';
import { coversSubtree, scopeContains } from '../../db/scope.ts';
import { today } from '../../clock.ts';
import { answersOpen, objectionsOpen, phaseOf, type AssessmentState, type AssessmentStatus } from './lifecycle.ts';

export interface AssessmentRecord {
  orgPath: string;
  status: string;
  published: number | boolean;
  publicityFrom?: string | null;
  publicityUntil?: string | null;
  confirmedAt?: string | null;
}

export const stateOf = (a: AssessmentRecord): AssessmentState => ({
  status: a.status as AssessmentStatus,
  published: !!a.published,
  publicityFrom: a.publicityFrom ?? null,
  publicityUntil: a.publicityUntil ?? null,
  confirmedAt: a.confirmedAt ?? null,
});

/** The office (or an admin) over the assessed subtree builds, finalises and publishes an assessment. */
const manages = (actor: Parameters<Policy[string]>[0], a: AssessmentRecord) =>
  hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, a.orgPath);

export const assessmentPolicy: Policy<AssessmentRecord> = {
  update: (actor, a) => manages(actor, a) && a.status === 'draft',
  finalise: (actor, a) => manages(actor, a) && a.status === 'draft',
  publish: (actor, a) => manages(actor, a) && a.status === 'final' && !a.published,
  review: (actor, a) => manages(actor, a) && a.status === 'draft',
  /** 公示: opened once after 定稿, until a date the office picks. */
  open_publicity: (actor, a) => manages(actor, a) && a.status === 'final' && !a.publicityUntil,
  /** 最终: once the 公示 has ended (the command also requires every objection answered). */
  confirm: (actor, a) => manages(actor, a) && phaseOf(stateOf(a), today()) === 'publicity_ended',
  /** The office answers 异议 during the 公示 and after it, until the result is confirmed. */
  answer: (actor, a) => manages(actor, a) && answersOpen(stateOf(a), today()),
  /** A unit's 第一责任人 or 党务干部 lodges 异议 on its own score while the 公示 runs. */
  object: (actor, a) => hasRole(actor, 'secretary', 'officer') && objectionsOpen(stateOf(a), today()),
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

/** An objection is about a unit in the caller's own scope, lodged while the 公示 runs. */
export const objectionPolicy: Policy<{ assessment: AssessmentRecord; orgPath: string }> = {
  create: (actor, o) =>
    objectionsOpen(stateOf(o.assessment), today()) &&
    hasRole(actor, 'secretary', 'officer') &&
    scopeContains(actor.scope, o.orgPath),
};

/** The office's own entries count at once; a unit's claim waits for review. */
export const entryStartsAccepted = manages;
