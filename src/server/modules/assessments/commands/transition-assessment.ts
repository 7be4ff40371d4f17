import type { Ctx } from '../../../http/context.ts';
import { nowIso, today } from '../../../clock.ts';
import { illegalTransition, invalidField } from '../../../errors.ts';
import { insertMany } from '../../../db/insert-many.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { assessmentPolicy, stateOf } from '../policy.ts';
import { findAssessment, findAssessmentAnywhere, openObjectionCount } from '../repository.ts';
import { nextAssessmentState, type AssessmentAction, type AssessmentState } from '../lifecycle.ts';
import { computeScores } from '../compute-scores.ts';

/** As if the move were open: who may act is judged apart from whether the state allows it now. */
const OPEN_FOR: Record<AssessmentAction, Partial<AssessmentState>> = {
  finalise: { status: 'draft', published: false },
  publish: { status: 'final', published: false },
  open_publicity: { status: 'final', publicityUntil: null, confirmedAt: null },
  confirm: { status: 'final', publicityUntil: '0000-00-00', confirmedAt: null },
};

/**
 * 定稿 (finalise) freezes every unit's score, rank, stars, parts and name as they are now, in the same
 * transaction that marks the assessment final; 公布 (publish) shows the frozen ranking to the assessed units;
 * 公示 (open_publicity) opens the result to 异议 until a date (and publishes it); 确认 (confirm) makes it 最终
 * once the 公示 has ended and every objection is answered.
 */
export async function transitionAssessment(
  ctx: Ctx,
  id: number,
  input: { action: AssessmentAction; version: number; publicityUntil?: string },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await requireWritable(
      await findAssessment(trx, ctx.actor, id),
      () => findAssessmentAnywhere(trx, id),
      '考核',
    );
    // Who may act is judged as if the move were open, so a stranger gets 403 and a manager a 409 reason.
    authorize(assessmentPolicy, input.action, ctx.actor, { ...a, ...OPEN_FOR[input.action] });
    if (input.action === 'open_publicity' && !input.publicityUntil)
      throw invalidField('publicityUntil', '请填写“公示截止日期”');
    const day = today();
    if (input.action === 'open_publicity' && input.publicityUntil! < day)
      throw invalidField('publicityUntil', '“公示截止日期”不能早于今天');
    const now = nowIso();
    const openObjections = input.action === 'confirm' ? await openObjectionCount(trx, id) : 0;
    const verdict = nextAssessmentState(stateOf(a), input.action, {
      today: day,
      until: input.publicityUntil,
      openObjections,
      now,
    });
    if (!verdict.ok) throw illegalTransition(verdict.message);
    checkVersion(a.version, input.version);
    const n = verdict.next;
    const values: Record<string, unknown> = {
      status: n.status,
      published: n.published ? 1 : 0,
      publicityFrom: n.publicityFrom ?? null,
      publicityUntil: n.publicityUntil ?? null,
      confirmedAt: n.confirmedAt ?? null,
    };
    let summary: Record<string, unknown> = {};
    if (input.action === 'finalise') {
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
      Object.assign(values, { scoredOn: day, finalisedAt: now });
      summary = { units: results.length, ranked: results.filter((r) => r.rank !== null).length, scoredOn: day };
    }
    await updateVersioned(trx, 'assessments', id, input.version, values);
    await recordAudit(trx, ctx.actor, {
      action: input.action,
      entityType: 'assessment',
      entityId: id,
      entityLabel: a.name,
      orgPath: a.orgPath,
      before: stateOf(a),
      after: { ...n, ...summary },
    });
  });
}
