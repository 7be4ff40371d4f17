import type { Ctx } from '../../../http/context.ts';
import { illegalTransition, invalidField, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { assessmentPolicy } from '../policy.ts';
import { findAssessment, findEntry, findEntryAnywhere } from '../repository.ts';
import { reviewEntry, type EntryStatus } from '../lifecycle.ts';

/**
 * 上级审核 of a unit's claim: accepted (it counts) or rejected, with a note. Accepting may adjust the claimed
 * points (the claim is kept beside them), which needs a reason.
 */
export async function reviewAssessmentEntry(
  ctx: Ctx,
  assessmentId: number,
  entryId: number,
  input: { accept: boolean; points?: number; note?: string; version: number },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await findAssessment(trx, ctx.actor, assessmentId);
    if (!a) throw notFound('考核');
    const entry = await requireWritable(
      await findEntry(trx, ctx.actor, assessmentId, entryId),
      () => findEntryAnywhere(trx, assessmentId, entryId),
      '考核条目',
    );
    authorize(assessmentPolicy, 'review', ctx.actor, { ...a, status: 'draft' });
    if (a.status !== 'draft') throw illegalTransition('已定稿的考核不能再审核');
    checkVersion(entry.version, input.version);
    const verdict = reviewEntry(entry.status as EntryStatus, input.accept);
    if (!verdict.ok) throw illegalTransition(verdict.message);
    const note = (input.note ?? '').trim();
    const claimed = Number(entry.points);
    const adjusted = input.points !== undefined && input.points !== claimed;
    if (adjusted && !input.accept) throw invalidField('points', '不予认定时不能调整分值');
    if (adjusted && !note) throw invalidField('note', '调整分值时请在“审核意见”中说明理由');
    await updateVersioned(trx, 'assessmentEntries', entryId, input.version, {
      status: verdict.next,
      reviewNote: note,
      ...(adjusted ? { points: input.points, claimedPoints: claimed } : {}),
    });
    await recordAudit(trx, ctx.actor, {
      action: input.accept ? 'accept' : 'reject',
      entityType: 'assessment_entry',
      entityId: entryId,
      entityLabel: `${a.name}：${entry.orgName}`,
      orgPath: entry.orgPath,
      before: { status: entry.status, points: claimed },
      after: { status: verdict.next, note: input.note, points: adjusted ? input.points : claimed },
    });
  });
}
