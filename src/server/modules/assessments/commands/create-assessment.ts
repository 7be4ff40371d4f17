import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { assessmentPolicy } from '../policy.ts';
import type { CreateBody } from '../schemas.ts';
import { checkHeader, checkStarLevels, saveTree } from '../assessment-tree.ts';

/** The office defines an assessment of its subtree for a period, with its indicator tree (领域 → 指标). */
export async function createAssessment(ctx: Ctx, input: Static<typeof CreateBody>): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    authorize(assessmentPolicy, 'update', ctx.actor, { orgPath: org.path, status: 'draft', published: false });
    const campaign = await trx
      .selectFrom('campaigns')
      .select('id')
      .where('id', '=', input.campaignId)
      .executeTakeFirst();
    if (!campaign) throw invalidField('campaignId', '“主题教育”不存在');
    const groups = checkHeader(input)!;
    const now = nowIso();
    const row = await trx
      .insertInto('assessments')
      .values({
        campaignId: input.campaignId,
        orgId: org.id,
        orgPath: org.path,
        name: input.name.trim(),
        period: input.period.trim(),
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        status: 'draft',
        groups: JSON.stringify(groups),
        starLevels: JSON.stringify(input.starLevels ?? []),
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    checkStarLevels(input.starLevels ?? [], await saveTree(trx, row.id, input.areas));
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'assessment',
      entityId: row.id,
      entityLabel: input.name,
      orgPath: org.path,
      after: input,
    });
    return { id: row.id };
  });
}
