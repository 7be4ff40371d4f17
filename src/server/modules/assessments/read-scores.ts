/** A draft's scores are computed live (the preview); a final assessment's are read from its frozen rows. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { today } from '../../clock.ts';
import { computeScores, type UnitResult } from './compute-scores.ts';
import { seesRanking } from './policy.ts';
import { frozenResults, type AssessmentRow } from './repository.ts';

export async function readScores(db: Kysely<Database>, actor: Actor, a: AssessmentRow): Promise<UnitResult[]> {
  if (a.status === 'draft') return computeScores(db, a, today());
  const rows = await frozenResults(db, actor, a.id, seesRanking(actor, a));
  return rows.map((r) => ({
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
  }));
}
