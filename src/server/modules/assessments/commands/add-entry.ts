import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { illegalTransition, invalidField, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { entryPolicy, entryStartsAccepted } from '../policy.ts';
import { findAssessment } from '../repository.ts';
import { entriesOpen, type AssessmentStatus, type EntryStatus } from '../lifecycle.ts';
import { groupsOf } from '../compute-scores.ts';
import type { EntryBody } from '../schemas.ts';
import { isUnder } from '../../../db/scope.ts';
import { requireUsableAttachments } from '../../attachments/public.ts';

/**
 * A 加分/扣分 or 一票否决 entry for one unit, with its reason and evidence. The office's entries count at once; a
 * unit's own claim (自评) waits for 上级审核.
 */
export async function addEntry(
  ctx: Ctx,
  assessmentId: number,
  input: Static<typeof EntryBody>,
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const a = await findAssessment(trx, ctx.actor, assessmentId);
    if (!a) throw notFound('考核');
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    authorize(entryPolicy, 'create', ctx.actor, { assessment: { ...a, status: 'draft' }, orgPath: org.path });
    if (!entriesOpen({ status: a.status as AssessmentStatus, published: !!a.published }))
      throw illegalTransition('已定稿的考核不能再录入');
    const unit = await trx.selectFrom('orgUnits').select('type').where('id', '=', org.id).executeTakeFirstOrThrow();
    if (!isUnder(org.path, a.orgPath) || !groupsOf(a).some((g) => g.key === unit.type))
      throw invalidField('orgId', '“单位”不在本次考核范围内');
    const indicator = await trx
      .selectFrom('assessmentIndicators')
      .select(['id', 'kind', 'name'])
      .where('id', '=', input.indicatorId)
      .where('assessmentId', '=', assessmentId)
      .executeTakeFirst();
    if (!indicator) throw invalidField('indicatorId', '“指标”不属于该考核');
    if (indicator.kind === 'auto') throw invalidField('indicatorId', '自动计分指标由系统计算，不能人工录入');
    const ids = [...new Set(input.attachmentIds ?? [])];
    await requireUsableAttachments(trx, ctx.actor, ids, 'attachmentIds', '佐证材料');
    const now = nowIso();
    const status: EntryStatus = entryStartsAccepted(ctx.actor, a) ? 'accepted' : 'pending';
    const row = await trx
      .insertInto('assessmentEntries')
      .values({
        assessmentId,
        indicatorId: indicator.id,
        orgId: org.id,
        orgPath: org.path,
        points: input.points,
        reason: input.reason.trim(),
        attachmentIds: JSON.stringify(ids),
        status,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'assessment_entry',
      entityId: row.id,
      entityLabel: `${a.name}：${org.name} ${indicator.name}`,
      orgPath: org.path,
      after: { ...input, status },
    });
    return { id: row.id };
  });
}
