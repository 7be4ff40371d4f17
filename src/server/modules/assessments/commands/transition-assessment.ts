import type { Ctx } from '../../../http/context.ts';
import { nowIso, today } from '../../../clock.ts';
import { illegalTransition } from '../../../errors.ts';
import { insertMany } from '../../../db/insert-many.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { assessmentPolicy } from '../policy.ts';
import { findAssessment, findAssessmentAnywhere } from '../repository.ts';
import { nextAssessmentState, type AssessmentAction, type AssessmentStatus } from '../lifecycle.ts';
import { computeScores } from '../compute-scores.ts';

/**
 * 定稿 (finalise) freezes every unit's score, rank, stars, parts and name as they are now, in the same
 * transaction that marks the assessment final; 公布 (publish) shows the frozen ranking to the assessed units.
 */
export async function transitionAssessment(
  ctx: Ctx,
  id: number,
  input: { action: AssessmentAction; version: number },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await requireWritable(
      await findAssessment(trx, ctx.actor, id),
      () => findAssessmentAnywhere(trx, id),
      '考核',
    );
    // Who may act is judged as if the move were open, so a stranger gets 403 and a manager a 409 reason.
    authorize(assessmentPolicy, input.action, ctx.actor, {
      ...a,
      status: input.action === 'finalise' ? 'draft' : 'final',
      published: false,
    });
    const verdict = nextAssessmentState(
      { status: a.status as AssessmentStatus, published: !!a.published },
      input.action,
    );
    if (!verdict.ok) throw illegalTransition(verdict.message);
    checkVersion(a.version, input.version);
    const values: Record<string, unknown> = { status: verdict.next.status, published: verdict.next.published ? 1 : 0 };
    let summary: Record<string, unknown> = {};
    if (input.action === 'finalise') {
      const day = today();
      const results = await computeScores(trx, a, day);
      await insertMany(
        trx,
        'assessmentResults',
        results.map((r) => ({
          assessmentId: id,
          orgId: r.orgId,
          orgPath: r.orgPath,
          orgName: r.orgName,
          groupKey: r.group,
          score: r.score,
          rank: r.rank,
          groupSize: r.groupSize,
          stars: r.stars,
          vetoed: r.vetoed ? 1 : 0,
          parts: JSON.stringify(r.parts),
        })),
        { returnIds: false },
      );
      Object.assign(values, { scoredOn: day, finalisedAt: nowIso() });
      summary = { units: results.length, ranked: results.filter((r) => r.rank !== null).length, scoredOn: day };
    }
    await updateVersioned(trx, 'assessments', id, input.version, values);
    await recordAudit(trx, ctx.actor, {
      action: input.action,
      entityType: 'assessment',
      entityId: id,
      entityLabel: a.name,
      orgPath: a.orgPath,
      before: { status: a.status, published: !!a.published },
      after: { ...verdict.next, ...summary },
    });
  });
}
