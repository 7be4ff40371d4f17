import type { Ctx } from '../../../http/context.ts';
import { illegalTransition, invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { planPolicy } from '../policy.ts';
import { findPlanInScope, planExists } from '../plan-repository.ts';

/** Approves a plan, or returns it with a reason (the author then submits a new one). */
export async function reviewPlan(
  ctx: Ctx,
  id: number,
  input: { version: number; approve: boolean; note?: string },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await requireWritable(
      await findPlanInScope(trx, ctx.actor.scope, id),
      () => planExists(trx, id),
      '学习计划',
    );
    authorize(planPolicy, 'review', ctx.actor, plan);
    if (plan.status !== 'submitted') throw illegalTransition('只有待审核的计划可以审核');
    checkVersion(plan.version, input.version);
    if (!input.approve && !input.note?.trim()) throw invalidField('note', '退回须填写理由');
    const values = { status: input.approve ? 'approved' : 'returned', reviewNote: (input.note ?? '').trim() };
    await updateVersioned(trx, 'studyPlans', id, input.version, values);
    await recordAudit(trx, ctx.actor, {
      action: input.approve ? 'approve' : 'return',
      entityType: 'study_plan',
      entityId: id,
      entityLabel: plan.title,
      orgPath: plan.orgPath,
      before: { status: plan.status },
      after: values,
    });
  });
}
