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
function blockersOf(p: ProblemRow, facts: MeasureFacts, abilities: Record<string, boolean>) {
  const out: Record<string, string> = {};
  if (abilities.submit) {
    const verdict = decide(
      {
        status: p.status as ProblemStatus,
        measureCount: facts.open + facts.done,
        openMeasureCount: facts.open,
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

/** What the record's abilities and blockers need to know about its measures. */
export interface MeasureFacts {
  open: number;
  done: number;
  /** The caller owns (责任人) one of them. */
  owns: boolean;
}

export const NO_MEASURES: MeasureFacts = { open: 0, done: 0, owns: false };

/** The problem's own fields with its derived overdue flag and colour, and what the caller may do. */
function problemFields(
  actor: Actor,
  p: ProblemRow,
  dates: { today: string; yellowUntil: string },
  facts: MeasureFacts,
) {
  const abilities = problemAbilities(actor, { ...p, ownsMeasure: facts.owns });
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
    abilities,
    blockers: blockersOf(p, facts, abilities),
  };
}

/** A measure with its derived overdue flag (open past its deadline). */
export const presentMeasure = (m: MeasureRow, today: string) => ({
  ...m,
  overdue: m.status === 'open' && m.deadline < today,
});

/** The full record's problem: its fields and its measures (`measures` may hold other problems' too). */
export function presentProblem(
  actor: Actor,
  p: ProblemRow,
  dates: { today: string; yellowUntil: string },
  measures: MeasureRow[] = [],
) {
  const mine = measures.filter((m) => m.problemId === p.id);
  const open = mine.filter((m) => m.status === 'open').length;
  const owns = actor.personId !== null && mine.some((m) => m.ownerId === actor.personId);
  return {
    ...problemFields(actor, p, dates, { open, done: mine.length - open, owns }),
    measures: mine.map((m) => presentMeasure(m, dates.today)),
  };
}

/** A 问题清单 item: the fields and the measure counts; the measures themselves only when asked for (include=measures). */
export function presentListItem(
  actor: Actor,
  p: ProblemRow,
  dates: { today: string; yellowUntil: string },
  facts: MeasureFacts = NO_MEASURES,
  measures?: MeasureRow[],
) {
  return {
    ...problemFields(actor, p, dates, facts),
    measureCounts: { open: facts.open, done: facts.done },
    ...(measures ? { measures: measures.map((m) => presentMeasure(m, dates.today)) } : {}),
  };
}
