import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso, today } from '../../../clock.ts';
import { illegalTransition, invalidField, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { assessmentPolicy, stateOf } from '../policy.ts';
import {
  allFrozenResults,
  findAssessment,
  findObjection,
  findObjectionAnywhere,
  indicatorsOf,
  type AssessmentRow,
} from '../repository.ts';
import { answerObjection, answersOpen, type ObjectionDecision, type ObjectionStatus } from '../lifecycle.ts';
import { starLevelsOf } from '../compute-scores.ts';
import { assignStars, rankWithinGroups } from '../ranking.ts';
import type { Part } from '../scoring.ts';
import type { AnswerBody } from '../schemas.ts';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Sets one unit's points on one indicator in the frozen result, recomputes its weighted total, and ranks and
 * stars the whole result again (a changed score can move others' ranks and a quota's boundary): only the rows
 * whose score, rank or stars change are written.
 */
async function adjustSnapshot(
  trx: Kysely<Database>,
  a: AssessmentRow,
  orgId: number,
  indicatorId: number,
  points: number,
): Promise<{ scoreBefore: number | null; scoreAfter: number }> {
  const [rows, indicators] = await Promise.all([allFrozenResults(trx, a.id), indicatorsOf(trx, a.id)]);
  const weight = new Map(indicators.map((i) => [i.id, Number(i.weight)]));
  const units = rows.map((r) => ({
    orgId: r.orgId,
    group: r.groupKey,
    score: r.score === null ? null : Number(r.score),
    vetoed: !!r.vetoed,
    parts: JSON.parse(r.parts) as Part[],
    before: r,
  }));
  const unit = units.find((u) => u.orgId === orgId)!;
  const scoreBefore = unit.score;
  unit.parts = unit.parts.map((p) => (p.indicatorId === indicatorId ? { ...p, points } : p));
  const scoreAfter = round2(unit.parts.reduce((s, p) => s + (weight.get(p.indicatorId) ?? 1) * (p.points ?? 0), 0));
  unit.score = scoreAfter;
  const ranked = rankWithinGroups(units);
  const pts = new Map(units.flatMap((u) => u.parts.map((p) => [`${u.orgId}|${p.indicatorId}`, p.points ?? 0])));
  const stars = assignStars(ranked, starLevelsOf(a), (o, i) => (pts.get(`${o}|${i}`) ?? 0) > 0);
  for (const u of ranked) {
    const next = { score: u.score, rank: u.rank, groupSize: u.groupSize, stars: stars.get(u.orgId) ?? null };
    const b = u.before;
    const changed =
      u.orgId === orgId ||
      (b.score === null ? null : Number(b.score)) !== next.score ||
      b.rank !== next.rank ||
      b.groupSize !== next.groupSize ||
      b.stars !== next.stars;
    if (!changed) continue;
    await trx
      .updateTable('assessmentResults')
      .set({ ...next, ...(u.orgId === orgId ? { parts: JSON.stringify(u.parts) } : {}) })
      .where('assessmentId', '=', a.id)
      .where('orgId', '=', u.orgId)
      .execute();
  }
  return { scoreBefore, scoreAfter };
}

/**
 * The office answers a unit's 异议: 维持 (the result stands) or 调整 (the indicator's frozen points change to the
 * given figure and the result is ranked again), always with a reason; audited with the points and score
 * before and after.
 */
export async function answerAssessmentObjection(
  ctx: Ctx,
  assessmentId: number,
  objectionId: number,
  input: Static<typeof AnswerBody>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await findAssessment(trx, ctx.actor, assessmentId);
    if (!a) throw notFound('考核');
    const o = await requireWritable(
      await findObjection(trx, ctx.actor, assessmentId, objectionId),
      () => findObjectionAnywhere(trx, assessmentId, objectionId),
      '异议',
    );
    authorize(assessmentPolicy, 'answer', ctx.actor, {
      ...a,
      status: 'final',
      publicityUntil: '9999-12-31',
      confirmedAt: null,
    });
    if (!answersOpen(stateOf(a), today())) throw illegalTransition('考核结果已确认为最终结果，不能再答复异议');
    checkVersion(o.version, input.version);
    const verdict = answerObjection(o.status as ObjectionStatus, input.decision as ObjectionDecision);
    if (!verdict.ok) throw illegalTransition(verdict.message);
    const indicator = await trx
      .selectFrom('assessmentIndicators')
      .select(['name', 'kind', 'maxPoints'])
      .where('id', '=', o.indicatorId)
      .executeTakeFirstOrThrow();
    const frozen = await trx
      .selectFrom('assessmentResults')
      .select('parts')
      .where('assessmentId', '=', assessmentId)
      .where('orgId', '=', o.orgId)
      .executeTakeFirstOrThrow();
    const pointsBefore =
      (JSON.parse(frozen.parts) as Part[]).find((p) => p.indicatorId === o.indicatorId)?.points ?? null;
    let adjustment: { pointsAfter: number; scoreBefore: number | null; scoreAfter: number } | null = null;
    if (input.decision === 'adjust') {
      if (indicator.kind === 'veto') throw invalidField('points', '一票否决指标没有分值，不能调整');
      if (input.points === undefined) throw invalidField('points', '调整时请填写“调整后得分”');
      if (input.points > Number(indicator.maxPoints))
        throw invalidField('points', `“调整后得分”不能超过该指标分值${Number(indicator.maxPoints)}分`);
      adjustment = {
        pointsAfter: input.points,
        ...(await adjustSnapshot(trx, a, o.orgId, o.indicatorId, input.points)),
      };
    }
    await updateVersioned(trx, 'assessmentObjections', objectionId, input.version, {
      status: verdict.next,
      answer: input.reason.trim(),
      pointsBefore,
      pointsAfter: adjustment ? adjustment.pointsAfter : pointsBefore,
      answeredBy: ctx.actor.userId,
      answeredAt: nowIso(),
    });
    await recordAudit(trx, ctx.actor, {
      action: input.decision === 'adjust' ? 'adjust' : 'uphold',
      entityType: 'assessment_objection',
      entityId: objectionId,
      entityLabel: `${a.name}：${o.orgName} ${indicator.name}`,
      orgPath: o.orgPath,
      before: { status: o.status, points: pointsBefore, ...(adjustment ? { score: adjustment.scoreBefore } : {}) },
      after: {
        status: verdict.next,
        reason: input.reason,
        ...(adjustment ? { points: adjustment.pointsAfter, score: adjustment.scoreAfter } : {}),
      },
    });
  });
}
