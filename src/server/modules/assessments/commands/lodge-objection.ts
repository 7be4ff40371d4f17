import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import { nowIso, today } from '../../../clock.ts';
import { illegalTransition, invalidField, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { requireUsableAttachments } from '../../attachments/public.ts';
import { objectionPolicy, stateOf } from '../policy.ts';
import { findAssessment } from '../repository.ts';
import { objectionsOpen, phaseOf } from '../lifecycle.ts';
import type { ObjectionBody } from '../schemas.ts';

/**
 * 异议: during the 公示 a unit's 第一责任人 or 党务干部 objects to its own frozen score on one indicator, with a
 * reason and evidence; the office answers it (answer-objection.ts).
 */
export async function lodgeObjection(
  ctx: Ctx,
  assessmentId: number,
  input: Static<typeof ObjectionBody>,
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const a = await findAssessment(trx, ctx.actor, assessmentId);
    if (!a) throw notFound('考核');
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    const day = today();
    // Who may object is judged as if the 公示 were running: a stranger gets 403, a unit out of time a 409.
    authorize(objectionPolicy, 'create', ctx.actor, {
      assessment: { ...a, status: 'final', publicityUntil: '9999-12-31', confirmedAt: null },
      orgPath: org.path,
    });
    const state = stateOf(a);
    if (!objectionsOpen(state, day))
      throw illegalTransition(
        ['draft', 'final'].includes(phaseOf(state, day))
          ? '考核结果尚未公示，公示期内才能提出异议'
          : '公示期已结束，不能再提出异议',
      );
    const result = await trx
      .selectFrom('assessmentResults')
      .select('orgId')
      .where('assessmentId', '=', assessmentId)
      .where('orgId', '=', org.id)
      .executeTakeFirst();
    if (!result) throw invalidField('orgId', '“单位”不在本次考核结果中');
    const indicator = await trx
      .selectFrom('assessmentIndicators')
      .select(['id', 'name'])
      .where('id', '=', input.indicatorId)
      .where('assessmentId', '=', assessmentId)
      .executeTakeFirst();
    if (!indicator) throw invalidField('indicatorId', '“指标”不属于该考核');
    const ids = [...new Set(input.attachmentIds ?? [])];
    await requireUsableAttachments(trx, ctx.actor, ids, 'attachmentIds', '佐证材料');
    const now = nowIso();
    const row = await trx
      .insertInto('assessmentObjections')
      .values({
        assessmentId,
        indicatorId: indicator.id,
        orgId: org.id,
        orgPath: org.path,
        reason: input.reason.trim(),
        attachmentIds: JSON.stringify(ids),
        status: 'open',
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'assessment_objection',
      entityId: row.id,
      entityLabel: `${a.name}：${org.name} ${indicator.name}`,
      orgPath: org.path,
      after: { ...input, status: 'open' },
    });
    return { id: row.id };
  });
}
