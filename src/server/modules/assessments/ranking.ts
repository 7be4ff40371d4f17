/** Ranking within peer groups and star assignment from thresholds and quotas: pure, property-tested. */

export interface Scored {
  orgId: number;
  group: string;
  score: number | null;
  vetoed: boolean;
}

export interface Ranked extends Scored {
  /** Competition rank within the group (ties share a rank: 1, 1, 3); null for units without data. */
  rank: number | null;
  /** How many units of the group are ranked. */
  groupSize: number;
}

export interface StarLevel {
  stars: number;
  minScore: number;
  /** At most this share of the group (0–1) gets this level; rounded down. */
  quota?: number;
  /** Only units with points on this indicator qualify (e.g. 五星 requires an innovation item). */
  requiresIndicatorId?: number;
}

/** Ranks each group by score, highest first; units without data are left unranked. */
export function rankWithinGroups<T extends Scored>(units: T[]): Array<T & Ranked> {
  const groups = Map.groupBy(
    units.filter((u) => u.score !== null),
    (u) => u.group,
  );
  const rankOf = new Map<T, { rank: number; groupSize: number }>();
  for (const members of groups.values()) {
    const sorted = [...members].sort((a, b) => b.score! - a.score!);
    sorted.forEach((u, i) => {
      const rank = i > 0 && sorted[i - 1].score === u.score ? rankOf.get(sorted[i - 1])!.rank : i + 1;
      rankOf.set(u, { rank, groupSize: sorted.length });
    });
  }
  return units.map((u) => ({ ...u, rank: rankOf.get(u)?.rank ?? null, groupSize: rankOf.get(u)?.groupSize ?? 0 }));
}

/**
 * Stars per unit: within each group, from the highest level down, units in score order that reach the level's
 * minimum (and its required item) take it until its quota is full; tied units are never split across a quota
 * boundary (the whole tie drops to the next level). 一票否决 gives 0; no data gives null; no levels gives null.
 */
export function assignStars<T extends Ranked>(
  units: T[],
  levels: StarLevel[],
  hasPoints: (orgId: number, indicatorId: number) => boolean,
): Map<number, number | null> {
  const out = new Map<number, number | null>();
  const rated: T[] = [];
  for (const u of units) {
    if (u.score === null || !levels.length) out.set(u.orgId, null);
    else if (u.vetoed) out.set(u.orgId, 0);
    else rated.push(u);
  }
  const ordered = [...levels].sort((a, b) => b.stars - a.stars);
  const groups = Map.groupBy(rated, (u) => u.group);
  for (const members of groups.values()) {
    const size = members[0].groupSize;
    let left = [...members].sort((a, b) => b.score! - a.score!);
    for (const level of ordered) {
      const cap = level.quota === undefined ? Infinity : Math.floor(level.quota * size + 1e-9);
      const eligible = left.filter(
        (u) =>
          u.score! >= level.minScore &&
          (level.requiresIndicatorId === undefined || hasPoints(u.orgId, level.requiresIndicatorId)),
      );
      let taken = 0;
      for (let i = 0; i < eligible.length; ) {
        let j = i;
        while (j < eligible.length && eligible[j].score === eligible[i].score) j++;
        if (taken + (j - i) > cap) break;
        for (const u of eligible.slice(i, j)) out.set(u.orgId, level.stars);
        taken += j - i;
        i = j;
      }
      left = left.filter((u) => !out.has(u.orgId));
    }
    for (const u of left) out.set(u.orgId, 0);
  }
  return out;
}
