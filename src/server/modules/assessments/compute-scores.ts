/**
 * The scores of every assessed unit: the figures from the registry (one bulk query per figure for all units),
 * the accepted manual entries, then the pure rules — score, rank within the unit's peer group, stars.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { assessedUnits, type UnitFigureQuery } from '../../db/unit-figures.ts';
import { scoreUnit, type Indicator, type Part } from './scoring.ts';
import { assignStars, rankWithinGroups, type StarLevel } from './ranking.ts';
import { acceptedEntrySums, indicatorsOf, type AssessmentRow, type IndicatorRow } from './repository.ts';
import { SOURCE_BY_KEY } from './sources.ts';

export interface UnitResult {
  orgId: number;
  orgPath: string;
  orgName: string;
  group: string;
  score: number | null;
  rank: number | null;
  groupSize: number;
  stars: number | null;
  vetoed: boolean;
  parts: Part[];
}

export interface Group {
  key: string;
  label: string;
}

export const groupsOf = (a: Pick<AssessmentRow, 'groups'>): Group[] => JSON.parse(a.groups);
export const starLevelsOf = (a: Pick<AssessmentRow, 'starLevels'>): StarLevel[] => JSON.parse(a.starLevels);

export function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    kind: row.kind as Indicator['kind'],
    maxPoints: Number(row.maxPoints),
    weight: Number(row.weight),
    source: row.source,
    rule: row.rule ? JSON.parse(row.rule) : null,
  };
}

export function figureQueryOf(a: AssessmentRow, today: string): UnitFigureQuery {
  return {
    campaignId: a.campaignId,
    from: a.periodFrom,
    to: a.periodTo,
    today,
    rootPath: a.orgPath,
    orgTypes: groupsOf(a).map((g) => g.key),
  };
}

/** Live scores of a draft (the preview), or the figures to freeze when it is finalised. */
export async function computeScores(db: Kysely<Database>, a: AssessmentRow, today: string): Promise<UnitResult[]> {
  const q = figureQueryOf(a, today);
  const indicators = (await indicatorsOf(db, a.id)).map(toIndicator);
  const keys = [...new Set(indicators.flatMap((i) => (i.source && SOURCE_BY_KEY.has(i.source) ? [i.source] : [])))];
  const [units, figures, sums] = await Promise.all([
    assessedUnits(db, q).select(['u.id', 'u.name', 'u.path', 'u.type']).orderBy('u.path').execute(),
    Promise.all(keys.map(async (k) => [k, await SOURCE_BY_KEY.get(k)!.compute(db, q)] as const)),
    acceptedEntrySums(db, a.id),
  ]);
  const byKey = new Map(figures);
  const manual = new Map(sums.map((s) => [`${s.orgId}|${s.indicatorId}`, Number(s.points)]));
  const scored = units.map((u) => {
    const s = scoreUnit(
      indicators,
      (key) => byKey.get(key)?.get(u.id),
      (id) => manual.get(`${u.id}|${id}`),
    );
    return { orgId: u.id, orgPath: u.path, orgName: u.name, group: u.type, ...s };
  });
  const ranked = rankWithinGroups(scored);
  const points = new Map(scored.flatMap((u) => u.parts.map((p) => [`${u.orgId}|${p.indicatorId}`, p.points ?? 0])));
  const stars = assignStars(ranked, starLevelsOf(a), (orgId, id) => (points.get(`${orgId}|${id}`) ?? 0) > 0);
  return ranked.map((u) => ({ ...u, stars: stars.get(u.orgId) ?? null }));
}
