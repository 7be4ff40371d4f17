import type { Ctx } from '../../../http/context.ts';
import { nowIso, today } from '../../../clock.ts';
import { invalidField, taskIsSplit } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { requireUsableAttachments } from '../../attachments/public.ts';
import { mondayOf } from '../../../../shared/iso-week.ts';
import { taskPolicy } from '../policy.ts';
import { syncSchedule } from '../sync-schedule.ts';
import { loadForWrite } from '../task-writes.ts';

export interface UpdateInput {
  week: string;
  progress: number;
  note?: string;
  attachmentIds?: number[];
  metricCurrent?: number;
}

/**
 * The 周调度 update: progress (0–1), a note and evidence, once per week (giving it again replaces it). The
 * latest week's progress is the reported progress the derived status reads.
 */
export function recordUpdate(ctx: Ctx, taskId: number, input: UpdateInput): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const { task, subject, shape } = await loadForWrite(ctx, trx, taskId);
    if (shape.hasChildren) throw taskIsSplit();
    authorize(taskPolicy, 'report', ctx.actor, subject);
    const monday = mondayOf(input.week);
    if (!monday) throw invalidField('week', '“周次”不存在');
    if (monday > today()) throw invalidField('week', '“周次”不能晚于本周');
    const attachmentIds = input.attachmentIds ?? [];
    await requireUsableAttachments(trx, ctx.actor, attachmentIds, 'attachmentIds', '佐证材料');
    const now = nowIso();
    const values = {
      progress: input.progress,
      note: input.note?.trim() ?? '',
      milestoneId: null,
      authorName: ctx.actor.displayName,
      updatedAt: now,
    };
    const existing = await trx
      .selectFrom('taskUpdates')
      .select('id')
      .where('taskId', '=', taskId)
      .where('week', '=', input.week)
      .executeTakeFirst();
    // One update per task and week: a second one that week replaces the first.
    let id: number;
    if (existing) {
      await trx.updateTable('taskUpdates').set(values).where('id', '=', existing.id).execute();
      id = existing.id;
    } else {
      const created = await trx
        .insertInto('taskUpdates')
        .values({ ...values, taskId, week: input.week, createdAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = created.id;
    }
    if (attachmentIds.length)
      await trx
        .insertInto('taskEvidence')
        .values(attachmentIds.map((attachmentId) => ({ taskId, updateId: id, attachmentId, createdAt: now })))
        .execute();
    const latest = await trx
      .selectFrom('taskUpdates')
      .select('progress')
      .where('taskId', '=', taskId)
      .where('milestoneId', 'is', null)
      .orderBy('week', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('tasks')
      .set({
        reportedProgress: Number(latest.progress),
        lastActivityOn: today(),
        ...(input.metricCurrent === undefined ? {} : { metricCurrent: input.metricCurrent }),
      })
      .where('id', '=', taskId)
      .execute();
    await syncSchedule(trx, taskId);
    await recordAudit(trx, ctx.actor, {
      action: 'weekly_update',
      entityType: 'task',
      entityId: taskId,
      entityLabel: task.title,
      orgPath: task.orgPath,
      after: input,
    });
    return id;
  });
}
