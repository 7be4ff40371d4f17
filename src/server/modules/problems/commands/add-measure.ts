import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { problemPolicy } from '../policy.ts';
import { afterProblemWrite } from '../problem-writes.ts';
import { loadForWrite, requireOpen } from '../write-checks.ts';
import { type MeasureInput, insertMeasure } from '../measure-insert.ts';

/** Adds a rectification measure. */
export async function addMeasure(ctx: Ctx, problemId: number, input: MeasureInput): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const { problem, subject } = await loadForWrite(ctx, trx, problemId);
    authorize(problemPolicy, 'addMeasure', ctx.actor, subject);
    requireOpen('addMeasure', subject.status);
    const id = await insertMeasure(trx, problem, input, 'deadline', ctx.actor);
    await afterProblemWrite(trx, problemId);
    await recordAudit(trx, ctx.actor, {
      action: 'add_measure',
      entityType: 'problem',
      entityId: problemId,
      entityLabel: problem.title,
      orgPath: problem.orgPath,
      after: { measureId: id, ...input },
    });
    return id;
  });
}
