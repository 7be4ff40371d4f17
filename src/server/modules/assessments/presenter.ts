/** The assessment with its tree and the caller's abilities; scores as the caller may see them. */
import type { Actor } from '../../auth/actor.ts';
import { scopeContains } from '../../db/scope.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import {
  ASSESSMENT_PHASES,
  ENTRY_STATUSES,
  OBJECTION_STATUSES,
  phaseOf,
  type EntryStatus,
  type ObjectionStatus,
} from './lifecycle.ts';
import { assessmentPolicy, seesAllDetails, seesRanking, stateOf } from './policy.ts';
import { INDICATOR_KINDS, type IndicatorKind, type Part } from './scoring.ts';
import { SOURCE_BY_KEY } from './sources.ts';
import { figureQueryOf, groupsOf, starLevelsOf, type UnitResult } from './compute-scores.ts';
import type { AssessmentRow, EntryRow, IndicatorRow, ObjectionRow } from './repository.ts';
import { today } from '../../clock.ts';

export function presentAssessment(actor: Actor, a: AssessmentRow, indicators: IndicatorRow[], openObjections = 0) {
  const areas = [...Map.groupBy(indicators, (i) => i.area)].map(([name, list]) => ({
    name,
    indicators: list.map((i) => ({
      id: i.id,
      name: i.name,
      method: i.method,
      kind: i.kind,
      kindLabel: INDICATOR_KINDS[i.kind as IndicatorKind] ?? i.kind,
      maxPoints: Number(i.maxPoints),
      weight: Number(i.weight),
      source: i.source,
      sourceLabel: i.source ? (SOURCE_BY_KEY.get(i.source)?.label ?? null) : null,
      rule: i.rule ? JSON.parse(i.rule) : null,
    })),
  }));
  const { orgPath, groups, starLevels, published, scoredOn, ...rest } = a;
  const phase = phaseOf(stateOf(a), today());
  return {
    ...rest,
    phase,
    statusLabel: ASSESSMENT_PHASES[phase],
    openObjections,
    published: !!published,
    groups: groupsOf(a),
    starLevels: starLevelsOf(a),
    areas,
    abilities: abilitiesOf(assessmentPolicy, actor, a),
  };
}

/**
 * The rows the caller may see: every unit's details for a caller who sees the whole assessed subtree; once
 * the ranking is published, every unit's score and rank but only their own units' parts; before that, only
 * their own units. Ranked units come by group then rank; units without data are listed apart.
 */
export function presentScores(actor: Actor, a: AssessmentRow, results: UnitResult[], indicators: IndicatorRow[]) {
  const all = seesAllDetails(actor, a);
  const ranking = seesRanking(actor, a);
  const q = figureQueryOf(a, a.scoredOn ?? today());
  const kinds = new Map(indicators.map((i) => [i.id, i]));
  const evidence = (orgId: number, p: Part) => {
    const ind = kinds.get(p.indicatorId);
    const source = ind?.source ? SOURCE_BY_KEY.get(ind.source) : undefined;
    return source
      ? source.evidence({ ...q, orgId })
      : `/assessments?id=${a.id}&orgId=${orgId}&indicatorId=${p.indicatorId}`;
  };
  const groups = groupsOf(a);
  const order = new Map(groups.map((g, i) => [g.key, i]));
  const label = new Map(groups.map((g) => [g.key, g.label]));
  const rows = results
    .map((r) => ({ r, own: scopeContains(actor.scope, r.orgPath) }))
    .filter(({ own }) => all || ranking || own)
    .sort(
      (x, y) =>
        (order.get(x.r.group) ?? 99) - (order.get(y.r.group) ?? 99) ||
        (x.r.rank ?? Infinity) - (y.r.rank ?? Infinity) ||
        x.r.orgId - y.r.orgId,
    )
    .map(({ r, own }) => ({
      orgId: r.orgId,
      orgName: r.orgName,
      group: r.group,
      groupLabel: label.get(r.group) ?? r.group,
      score: r.score,
      rank: r.rank,
      groupSize: r.groupSize,
      stars: r.stars,
      vetoed: r.vetoed,
      parts: all || own ? r.parts.map((p) => ({ ...p, evidence: evidence(r.orgId, p) })) : [],
    }));
  return {
    status: a.status,
    items: rows.filter((r) => r.score !== null),
    unscored: rows.filter((r) => r.score === null),
  };
}

export function presentEntry(e: EntryRow) {
  const { orgPath, attachmentIds, ...rest } = e;
  return {
    ...rest,
    points: Number(e.points),
    claimedPoints: e.claimedPoints === null ? null : Number(e.claimedPoints),
    attachmentIds: JSON.parse(attachmentIds) as number[],
    statusLabel: ENTRY_STATUSES[e.status as EntryStatus] ?? e.status,
  };
}

export function presentObjection(o: ObjectionRow, indicators: IndicatorRow[]) {
  const { orgPath, attachmentIds, ...rest } = o;
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    ...rest,
    indicatorName: indicators.find((i) => i.id === o.indicatorId)?.name ?? '',
    attachmentIds: JSON.parse(attachmentIds) as number[],
    statusLabel: OBJECTION_STATUSES[o.status as ObjectionStatus] ?? o.status,
    pointsBefore: num(o.pointsBefore),
    pointsAfter: num(o.pointsAfter),
  };
}
