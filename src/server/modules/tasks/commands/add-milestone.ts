import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { taskIsSplit } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { taskPolicy } from '../policy.ts';
import { syncSchedule } from '../sync-schedule.ts';
import type { MilestoneInput } from '../task-insert.ts';
import { checkWithin, loadForWrite } from '../task-writes.ts';

/** Adds a 时序进度 node to a task that is not split into sub-tasks. */
export function addMilestone(ctx: Ctx, taskId: number, input: MilestoneInput): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const { task, subject, shape } = await loadForWrite(ctx, trx, taskId);
    if (shape.hasChildren) throw taskIsSplit();
    authorize(taskPolicy, 'planMilestones', ctx.actor, subject);
    checkWithin(input.plannedDate, task, 'plannedDate');
    const now = nowIso();
    const row = await trx
      .insertInto('taskMilestones')
      .values({
        taskId,
        title: input.title.trim(),
        plannedDate: input.plannedDate,
        weight: input.weight,
        criteria: input.criteria?.trim() ?? '',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncSchedule(trx, taskId);
    await recordAudit(trx, ctx.actor, {
      action: 'add_milestone',
      entityType: 'task',
      entityId: taskId,
      entityLabel: task.title,
      orgPath: task.orgPath,
      after: input,
    });
    return row.id;
  });
}
