import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { notFound, alreadyDecided } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { problemPolicy } from '../policy.ts';
import { notifyExtensionDecided } from '../notify-events.ts';
import { afterProblemWrite } from '../problem-writes.ts';
import { loadForWrite, requireOpen } from '../write-checks.ts';

/** The reviewer approves (the deadline moves) or refuses an extension request. */
export async function decideExtension(
  ctx: Ctx,
  problemId: number,
  extId: number,
  input: { approve: boolean; reason?: string },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { problem, subject } = await loadForWrite(ctx, trx, problemId);
    authorize(problemPolicy, 'decideExtension', ctx.actor, subject);
    requireOpen('decideExtension', subject.status);
    const ext = await trx
      .selectFrom('extensionRequests')
      .selectAll()
      .where('id', '=', extId)
      .where('problemId', '=', problemId)
      .executeTakeFirst();
    if (!ext) throw notFound('延期申请');
    if (ext.status !== 'pending') throw alreadyDecided();
    const now = nowIso();
    await trx
      .updateTable('extensionRequests')
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decidedBy: ctx.actor.displayName,
        decisionReason: input.reason?.trim() ?? null,
        decidedAt: now,
      })
      .where('id', '=', extId)
      .execute();
    if (input.approve) {
      await trx
        .updateTable('problemMeasures')
        .set((eb) => ({ deadline: ext.requestedDeadline, version: eb('version', '+', 1), updatedAt: now }))
        .where('id', '=', ext.measureId)
        .execute();
      await afterProblemWrite(trx, problemId);
    }
    await notifyExtensionDecided(trx, ctx.actor, problem, ext, input.approve, input.reason?.trim());
    await recordAudit(trx, ctx.actor, {
      action: input.approve ? 'approve_extension' : 'reject_extension',
      entityType: 'problem',
      entityId: problemId,
      entityLabel: problem.title,
      orgPath: problem.orgPath,
      before: { measureId: ext.measureId, deadline: ext.currentDeadline },
      after: {
        measureId: ext.measureId,
        deadline: input.approve ? ext.requestedDeadline : ext.currentDeadline,
        reason: input.reason,
      },
    });
  });
}
