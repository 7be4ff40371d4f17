import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField, notFound, extensionPending, measureDone } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { problemPolicy } from '../policy.ts';
import { loadForWrite, requireOpen } from '../write-checks.ts';

/** Asks the reviewer to move a measure's deadline (延期申请). */
export async function requestExtension(
  ctx: Ctx,
  problemId: number,
  measureId: number,
  input: { requestedDeadline: string; reason: string },
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const { problem, subject } = await loadForWrite(ctx, trx, problemId);
    authorize(problemPolicy, 'requestExtension', ctx.actor, subject);
    requireOpen('requestExtension', subject.status);
    const measure = await trx
      .selectFrom('problemMeasures')
      .select(['id', 'deadline', 'status'])
      .where('id', '=', measureId)
      .where('problemId', '=', problemId)
      .executeTakeFirst();
    if (!measure) throw notFound('整改措施');
    if (measure.status === 'done') throw measureDone();
    if (input.requestedDeadline <= measure.deadline)
      throw invalidField('requestedDeadline', '“申请延期至”须晚于原整改时限');
    const pending = await trx
      .selectFrom('extensionRequests')
      .select('id')
      .where('measureId', '=', measureId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw extensionPending();
    const row = await trx
      .insertInto('extensionRequests')
      .values({
        problemId,
        measureId,
        currentDeadline: measure.deadline,
        requestedDeadline: input.requestedDeadline,
        reason: input.reason.trim(),
        requestedBy: ctx.actor.displayName,
        createdAt: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'request_extension',
      entityType: 'problem',
      entityId: problemId,
      entityLabel: problem.title,
      orgPath: problem.orgPath,
      after: { measureId, ...input },
    });
    return row.id;
  });
}
