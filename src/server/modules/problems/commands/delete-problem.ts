import type { Ctx } from '../../../http/context.ts';
import { problemLinked } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { problemPolicy } from '../policy.ts';
import { beforeProblemDelete } from '../problem-writes.ts';
import { loadForWrite, requireOpen } from '../write-checks.ts';

/**
 * Removes a problem recorded by mistake while it still awaits review (待审核). One that came from a finding
 * or was escalated on stays, so the chain it belongs to is never broken.
 */
export async function deleteProblem(ctx: Ctx, id: number, version: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { problem, subject } = await loadForWrite(ctx, trx, id);
    authorize(problemPolicy, 'delete', ctx.actor, subject);
    requireOpen('delete', problem.status);
    checkVersion(problem.version, version);
    if (problem.sourceRefType)
      throw problemLinked('该问题由调研或民主生活会等转入，不能删除；如不成立，请在审核时退回说明');
    const escalated = await trx
      .selectFrom('problems')
      .select('id')
      .where('escalatedFromId', '=', id)
      .executeTakeFirst();
    if (escalated) throw problemLinked('该问题已向上级上报，不能删除');
    await beforeProblemDelete(trx, id);
    await trx.deleteFrom('problems').where('id', '=', id).execute();
    await recordAudit(trx, ctx.actor, {
      action: 'delete',
      entityType: 'problem',
      entityId: id,
      entityLabel: problem.title,
      orgPath: problem.orgPath,
      before: problem,
    });
  });
}
