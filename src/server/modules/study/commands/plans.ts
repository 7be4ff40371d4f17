import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { illegalTransition, invalidField, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { inScope } from '../../../db/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { maySubmitUnitPlan, planPolicy } from '../policy.ts';

/** Submits a unit plan (officers) or one's own personal plan (anyone with a person record). */
export async function savePlan(
  ctx: Ctx,
  input: { campaignId: number; orgId?: number; personal?: boolean; title: string; content: string },
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    let orgId: number;
    let orgPath: string;
    let personId: number | null = null;
    if (input.personal) {
      if (!ctx.actor.personId || !ctx.actor.orgId || !ctx.actor.orgPath)
        throw invalidField('personal', '您的账号未关联人员，不能提交个人计划');
      personId = ctx.actor.personId;
      orgId = ctx.actor.orgId;
      orgPath = ctx.actor.orgPath;
    } else {
      if (!input.orgId) throw invalidField('orgId', '请选择单位');
      const unitId = input.orgId;
      const org = await requireWritable(
        await visibleOrg(trx, ctx.actor.scope, unitId),
        () => anyOrg(trx, unitId),
        '单位',
      );
      if (!maySubmitUnitPlan(ctx.actor)) throw invalidField('personal', '只能提交个人学习计划');
      orgId = org.id;
      orgPath = org.path;
    }
    const now = nowIso();
    const row = await trx
      .insertInto('studyPlans')
      .values({
        campaignId: input.campaignId,
        orgId,
        orgPath,
        personId,
        title: input.title.trim(),
        content: input.content.trim(),
        status: 'submitted',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'study_plan',
      entityId: row.id,
      entityLabel: input.title,
      orgPath,
      after: { ...input, personId },
    });
    return row.id;
  });
}

/** Approves a plan, or returns it with a reason (the author then submits a new one). */
export async function reviewPlan(
  ctx: Ctx,
  id: number,
  input: { version: number; approve: boolean; note?: string },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom('studyPlans')
      .selectAll()
      .where('id', '=', id)
      .where(inScope(ctx.actor.scope, 'studyPlans.orgPath', 'studyPlans.personId'))
      .executeTakeFirst();
    if (!plan) throw notFound('学习计划');
    if (plan.status !== 'submitted') throw illegalTransition('只有待审核的计划可以审核');
    authorize(planPolicy, 'review', ctx.actor, plan);
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
