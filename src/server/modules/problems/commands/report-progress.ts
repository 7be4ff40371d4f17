import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { notFound } from '../../../errors.ts';
import { requireHappened } from '../../../lib/happened.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { problemPolicy } from '../policy.ts';
import { checkAttachments, loadForWrite, requireOpen } from '../write-checks.ts';

/** A dated progress note on a measure, with evidence files (佐证材料) that count toward 销号. */
export async function reportProgress(
  ctx: Ctx,
  problemId: number,
  measureId: number,
  input: { date: string; note: string; attachmentIds?: number[] },
): Promise<void> {
  requireHappened(input.date, 'date', '进展日期');
  await ctx.db.transaction().execute(async (trx) => {
    const { problem, subject } = await loadForWrite(ctx, trx, problemId);
    authorize(problemPolicy, 'reportProgress', ctx.actor, subject, '只有责任人或本单位党务干部可以填报进展');
    requireOpen('reportProgress', subject.status);
    const measure = await trx
      .selectFrom('problemMeasures')
      .select('id')
      .where('id', '=', measureId)
      .where('problemId', '=', problemId)
      .executeTakeFirst();
    if (!measure) throw notFound('整改措施');
    const ids = input.attachmentIds ?? [];
    await checkAttachments(trx, ctx, ids);
    const now = nowIso();
    await trx
      .insertInto('measureProgress')
      .values({
        measureId,
        date: input.date,
        note: input.note.trim(),
        authorName: ctx.actor.displayName,
        createdAt: now,
      })
      .execute();
    for (const attachmentId of ids)
      await trx.insertInto('problemEvidence').values({ problemId, measureId, attachmentId, createdAt: now }).execute();
    await recordAudit(trx, ctx.actor, {
      action: 'progress',
      entityType: 'problem',
      entityId: problemId,
      entityLabel: problem.title,
      orgPath: problem.orgPath,
      after: { measureId, ...input },
    });
  });
}
