import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import { illegalTransition } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { assessmentPolicy } from '../policy.ts';
import { findAssessment, findAssessmentAnywhere, type AssessmentRow } from '../repository.ts';
import type { UpdateBody } from '../schemas.ts';
import { checkHeader, checkStarLevels, saveTree } from '../assessment-tree.ts';

/** Edits a draft: its header, groups, star levels and indicator tree. */
export async function updateAssessment(ctx: Ctx, id: number, input: Static<typeof UpdateBody>): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const a: AssessmentRow = await requireWritable(
      await findAssessment(trx, ctx.actor, id),
      () => findAssessmentAnywhere(trx, id),
      '考核',
    );
    authorize(assessmentPolicy, 'update', ctx.actor, { ...a, status: 'draft' });
    if (a.status !== 'draft') throw illegalTransition('已定稿的考核不能修改');
    checkVersion(a.version, input.version);
    const groups = checkHeader({
      periodFrom: input.periodFrom ?? a.periodFrom,
      periodTo: input.periodTo ?? a.periodTo,
      groups: input.groups,
    });
    const values: Record<string, unknown> = {};
    if (input.name !== undefined) values.name = input.name.trim();
    if (input.period !== undefined) values.period = input.period.trim();
    if (input.periodFrom !== undefined) values.periodFrom = input.periodFrom;
    if (input.periodTo !== undefined) values.periodTo = input.periodTo;
    if (groups) values.groups = JSON.stringify(groups);
    if (input.starLevels) values.starLevels = JSON.stringify(input.starLevels);
    await updateVersioned(trx, 'assessments', id, input.version, values);
    const ids = input.areas
      ? await saveTree(trx, id, input.areas)
      : (await trx.selectFrom('assessmentIndicators').select('id').where('assessmentId', '=', id).execute()).map(
          (r) => r.id,
        );
    checkStarLevels(input.starLevels ?? JSON.parse(a.starLevels), ids);
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'assessment',
      entityId: id,
      entityLabel: a.name,
      orgPath: a.orgPath,
      before: a,
      after: input,
    });
  });
}
