/** A draft's scores are computed live (the preview); a final assessment's are read from its frozen rows. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { today } from '../../clock.ts';
import { computeScores, type UnitResult } from './compute-scores.ts';
import { seesRanking } from './policy.ts';
import { frozenGroupPage, frozenResults, type AssessmentRow } from './repository.ts';

export type FrozenRow = Awaited<ReturnType<typeof frozenResults>>[number];

export async function readScores(db: Kysely<Database>, actor: Actor, a: AssessmentRow): Promise<UnitResult[]> {
  if (a.status === 'draft') return computeScores(db, a, today());
  return (await frozenResults(db, actor, a.id, seesRanking(actor, a))).map(fromFrozen);
}

export interface GroupPage {
  group: string;
  page: number;
  pageSize: number;
}

/**
 * One page of one peer group's ranking (and all of the group's units without data), with the group's ranked
 * total: read from the frozen rows of a final assessment, or sliced from the live preview of a draft.
 */
export async function readScoresPage(
  db: Kysely<Database>,
  actor: Actor,
  a: AssessmentRow,
  p: GroupPage,
): Promise<{ results: UnitResult[]; total: number }> {
  if (a.status === 'draft') {
    const all = (await computeScores(db, a, today())).filter((r) => r.group === p.group);
    const ranked = all.filter((r) => r.rank !== null).sort((x, y) => x.rank! - y.rank! || x.orgId - y.orgId);
    const page = ranked.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
    return { results: [...page, ...all.filter((r) => r.rank === null)], total: ranked.length };
  }
  const { rows, total } = await frozenGroupPage(db, actor, a.id, seesRanking(actor, a), p.group, p.page, p.pageSize);
  return { results: rows.map(fromFrozen), total };
}

/** A frozen result row as the presenter takes it. */
export function fromFrozen(r: FrozenRow): UnitResult {
  return {
    orgId: r.orgId,
    orgPath: r.orgPath,
    orgName: r.orgName,
    group: r.groupKey,
    score: r.score === null ? null : Number(r.score),
    rank: r.rank,
    groupSize: r.groupSize,
    stars: r.stars,
    vetoed: !!r.vetoed,
    parts: JSON.parse(r.parts),
  };
}
