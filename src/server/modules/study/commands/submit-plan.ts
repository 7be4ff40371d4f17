import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { maySubmitUnitPlan } from '../policy.ts';

/** Submits a unit plan (officers) or one's own personal plan (anyone with a person record). */
export async function submitPlan(
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
