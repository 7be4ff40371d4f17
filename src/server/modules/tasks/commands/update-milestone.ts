import type { Kysely } from 'kysely';
import type { Ctx } from '../../../http/context.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso, today } from '../../../clock.ts';
import { invalidField, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { changedFields, recordAudit } from '../../audit/record-audit.ts';
import { requireUsableAttachments } from '../../attachments/public.ts';
import { weekOf } from '../../../../shared/iso-week.ts';
import { taskPolicy } from '../policy.ts';
import { syncSchedule } from '../sync-schedule.ts';
import type { MilestoneInput } from '../task-insert.ts';
import { checkWithin, loadForWrite } from '../task-writes.ts';

export interface UpdateMilestoneInput extends Partial<MilestoneInput> {
  version: number;
  done?: boolean;
  attachmentIds?: number[];
  note?: string;
}

/**
 * Edits a node's plan, or marks it done with its evidence (or reopens it). Marking done is that week's
 * 周调度 update when the unit has not given one yet: nobody types the same fact twice.
 */
export function updateMilestone(ctx: Ctx, taskId: number, id: number, input: UpdateMilestoneInput): Promise<void> {
  return ctx.db.transaction().execute(async (trx) => {
    const { task, subject } = await loadForWrite(ctx, trx, taskId);
    const milestone = await trx
      .selectFrom('taskMilestones')
      .selectAll()
      .where('id', '=', id)
      .where('taskId', '=', taskId)
      .executeTakeFirst();
    if (!milestone) throw notFound('时序进度节点');
    const { version, done, attachmentIds = [], note, ...plan } = input;
    const replans = Object.values(plan).some((v) => v !== undefined);
    if (replans) authorize(taskPolicy, 'planMilestones', ctx.actor, subject);
    if (done !== undefined) authorize(taskPolicy, 'completeMilestone', ctx.actor, subject);
    checkVersion(milestone.version, version);
    if (plan.plannedDate) checkWithin(plan.plannedDate, task, 'plannedDate');
    const completing = done === true && !milestone.doneAt;
    if (completing && !attachmentIds.length) throw invalidField('attachmentIds', '标记完成须上传“佐证材料”');
    await requireUsableAttachments(trx, ctx.actor, attachmentIds, 'attachmentIds', '佐证材料');
    const values: Record<string, unknown> = {
      ...Object.fromEntries(Object.entries(plan).filter(([, v]) => v !== undefined)),
      ...(done === undefined ? {} : { doneAt: done ? (milestone.doneAt ?? nowIso()) : null }),
    };
    await updateVersioned(trx, 'taskMilestones', id, version, values);
    if (attachmentIds.length)
      await trx
        .insertInto('taskEvidence')
        .values(attachmentIds.map((attachmentId) => ({ taskId, milestoneId: id, attachmentId, createdAt: nowIso() })))
        .execute();
    if (completing)
      await countAsWeeklyUpdate(trx, ctx, taskId, id, `完成节点“${milestone.title}”${note ? `：${note}` : ''}`);
    await syncSchedule(trx, taskId);
    await recordAudit(trx, ctx.actor, {
      action: completing ? 'complete_milestone' : done === false ? 'reopen_milestone' : 'update_milestone',
      entityType: 'task',
      entityId: taskId,
      entityLabel: task.title,
      orgPath: task.orgPath,
      ...changedFields(milestone as Record<string, unknown>, { ...values, attachmentIds }),
    });
  });
}

/** A completed node stands for this week's update unless the unit already gave one. */
async function countAsWeeklyUpdate(trx: Kysely<Database>, ctx: Ctx, taskId: number, milestoneId: number, note: string) {
  const week = weekOf(today());
  const existing = await trx
    .selectFrom('taskUpdates')
    .select('id')
    .where('taskId', '=', taskId)
    .where('week', '=', week)
    .executeTakeFirst();
  await trx.updateTable('tasks').set({ lastActivityOn: today() }).where('id', '=', taskId).execute();
  if (existing) return;
  const task = await trx
    .selectFrom('tasks')
    .select('reportedProgress')
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
  const now = nowIso();
  await trx
    .insertInto('taskUpdates')
    .values({
      taskId,
      week,
      progress: Number(task.reportedProgress),
      note,
      milestoneId,
      authorName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}
