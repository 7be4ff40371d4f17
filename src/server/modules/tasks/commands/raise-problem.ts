import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { createLinkedProblem } from '../../problems/public.ts';
import { taskPolicy } from '../policy.ts';
import { loadForWrite } from '../task-writes.ts';

/** A problem met while pushing a task goes onto the 检视整改 loop in one step (source 推动发展遇到, linked back). */
export function raiseProblem(
  ctx: Ctx,
  taskId: number,
  input: { title: string; description?: string; orgId?: number },
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const { task, subject } = await loadForWrite(ctx, trx, taskId);
    authorize(taskPolicy, 'raiseProblem', ctx.actor, subject);
    const problem = await createLinkedProblem(trx, ctx.actor, {
      campaignId: task.campaignId,
      orgId: input.orgId ?? task.orgId,
      title: input.title,
      description: input.description ?? `推动“${task.title}”时发现`,
      source: 'development',
      sourceRef: { type: 'key_task', id: taskId },
    });
    await recordAudit(trx, ctx.actor, {
      action: 'raise_problem',
      entityType: 'task',
      entityId: taskId,
      entityLabel: task.title,
      orgPath: task.orgPath,
      after: { problemId: problem.id, title: input.title },
    });
    return problem;
  });
}
