import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit, changedFields } from '../../audit/record-audit.ts';
import { problemPolicy } from '../policy.ts';
import { afterProblemWrite } from '../problem-writes.ts';
import { findProblemInScope, type ProblemRow } from '../repository.ts';
import { checkRefs, columnsOf, type ProblemFields } from '../problem-fields.ts';
import { loadForWrite, requireOpen } from '../write-checks.ts';

/** Edits a problem while it is being worked on. */
export async function updateProblem(
  ctx: Ctx,
  id: number,
  input: ProblemFields & { version: number },
): Promise<ProblemRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const { problem, subject } = await loadForWrite(ctx, trx, id);
    authorize(problemPolicy, 'update', ctx.actor, subject);
    requireOpen('update', subject.status);
    checkVersion(problem.version, input.version);
    const { version, ...fields } = input;
    await checkRefs(trx, problem.campaignId, fields);
    const values = columnsOf(fields);
    await updateVersioned(trx, 'problems', id, version, values);
    await afterProblemWrite(trx, id);
    const after = (await findProblemInScope(trx, ctx.actor, id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'problem',
      entityId: id,
      entityLabel: after.title,
      orgPath: after.orgPath,
      ...changedFields(problem as Record<string, unknown>, values),
    });
    return after;
  });
}
