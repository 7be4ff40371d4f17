import type { Actor } from '../../auth/actor.ts';
import { today, addDays } from '../../clock.ts';
import {
  PROBLEM_KINDS,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  type ProblemKind,
  type ProblemSource,
  type ProblemStatus,
} from '../../../shared/problem-enums.ts';
import { problemAbilities } from './policy.ts';
import { colourOf, isOverdue } from './colour.ts';
import { decide } from './lifecycle.ts';
import type { MeasureRow, ProblemRow } from './repository.ts';

/** Dates that colours are judged against, computed once per request. */
export function judgeDates(warningDays: number) {
  const t = today();
  return { today: t, yellowUntil: addDays(t, warningDays) };
}

/**
 * Why a move the caller's role could take is not open yet — so the button can say so before anyone fills its
 * dialog. The lifecycle's own refusal text is reused, so the button and the server's 409 say the same thing.
 */
function blockersOf(p: ProblemRow, measures: MeasureRow[], abilities: Record<string, boolean>) {
  const out: Record<string, string> = {};
  if (abilities.submit) {
    const verdict = decide(
      {
        status: p.status as ProblemStatus,
        measureCount: measures.length,
        openMeasureCount: measures.filter((m) => m.status === 'open').length,
        // Evidence may come with the request itself, so it never blocks the button.
        evidenceCount: 1,
        escalated: false,
        hasParent: false,
      },
      'submit',
      { effect: 'x', attachmentCount: 1 },
    );
    if (!verdict.ok) out.submit = verdict.message;
  }
  return out;
}

/** A measure with its derived overdue flag (open past its deadline). */
export const presentMeasure = (m: MeasureRow, today: string) => ({
  ...m,
  overdue: m.status === 'open' && m.deadline < today,
});

/** A problem with its derived overdue flag and colour, and what the caller may do. */
export function presentProblem(
  actor: Actor,
  p: ProblemRow,
  dates: { today: string; yellowUntil: string },
  measures: MeasureRow[] = [],
) {
  const mine = measures.filter((m) => m.problemId === p.id);
  const ownsMeasure = actor.personId !== null && mine.some((m) => m.ownerId === actor.personId);
  const abilities = problemAbilities(actor, { ...p, ownsMeasure });
  return {
    id: p.id,
    campaignId: p.campaignId,
    orgId: p.orgId,
    orgName: p.orgName,
    personId: p.personId,
    personName: p.personName ?? null,
    title: p.title,
    description: p.description,
    source: p.source,
    sourceLabel: PROBLEM_SOURCES[p.source as ProblemSource] ?? p.source,
    category: p.category,
    rootCauses: JSON.parse(p.rootCauses) as string[],
    rootCauseAnalysis: p.rootCauseAnalysis,
    kind: p.kind,
    kindLabel: PROBLEM_KINDS[p.kind as ProblemKind] ?? p.kind,
    status: p.status,
    statusLabel: PROBLEM_STATUSES[p.status as ProblemStatus] ?? p.status,
    effect: p.effect,
    returnReason: p.returnReason,
    escalatedFromId: p.escalatedFromId,
    specialItemId: p.specialItemId,
    institutionId: p.institutionId,
    sourceRef: p.sourceRefType ? { type: p.sourceRefType, id: p.sourceRefId } : null,
    dueDate: p.dueDate,
    overdue: isOverdue(p, dates.today),
    colour: colourOf(p, dates.today, dates.yellowUntil),
    submittedAt: p.submittedAt,
    closedAt: p.closedAt,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    measures: mine.map((m) => presentMeasure(m, dates.today)),
    abilities,
    blockers: blockersOf(p, mine, abilities),
  };
}
