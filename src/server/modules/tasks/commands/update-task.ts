import type { Ctx } from '../../../http/context.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { changedFields, recordAudit } from '../../audit/record-audit.ts';
import { taskPolicy } from '../policy.ts';
import { milestonesOf } from '../repository.ts';
import { syncSchedule } from '../sync-schedule.ts';
import { metricColumns, type CreateTaskInput } from '../task-insert.ts';
import { checkPerson, checkWithin, loadForWrite, unitPathsOf, writeUnits } from '../task-writes.ts';

export type UpdateTaskInput = Partial<
  Pick<
    CreateTaskInput,
    | 'title'
    | 'description'
    | 'leaderId'
    | 'startDate'
    | 'endDate'
    | 'weight'
    | 'responsibleOrgIds'
    | 'cooperatingOrgIds'
    | 'metric'
  >
> & { version: number };

/** Edits a task's plan: title, leader, units, dates, weight, 年度目标. Status is re-derived, never typed. */
export function updateTask(ctx: Ctx, id: number, input: UpdateTaskInput): Promise<void> {
  return ctx.db.transaction().execute(async (trx) => {
    const { task, subject } = await loadForWrite(ctx, trx, id);
    authorize(taskPolicy, 'update', ctx.actor, subject);
    checkVersion(task.version, input.version);
    const { version, responsibleOrgIds, cooperatingOrgIds, metric, ...fields } = input;
    const dates = { startDate: fields.startDate ?? task.startDate, endDate: fields.endDate ?? task.endDate };
    if (dates.endDate < dates.startDate) throw invalidField('endDate', '“完成时限”不能早于“开始日期”');
    for (const m of await milestonesOf(trx, id))
      checkWithin(m.plannedDate, dates, fields.startDate ? 'startDate' : 'endDate');
    await checkPerson(trx, 'leaderId', fields.leaderId, '牵头领导');
    if (responsibleOrgIds || cooperatingOrgIds) {
      const units = await trx.selectFrom('taskUnits').select(['orgId', 'role']).where('taskId', '=', id).execute();
      const keep = (role: string) => units.filter((u) => u.role === role).map((u) => u.orgId);
      const [responsible, cooperating] = await Promise.all([
        unitPathsOf(trx, 'responsibleOrgIds', responsibleOrgIds ?? keep('responsible'), '责任单位'),
        unitPathsOf(trx, 'cooperatingOrgIds', cooperatingOrgIds ?? keep('cooperating'), '配合单位'),
      ]);
      await writeUnits(trx, id, responsible, cooperating);
    }
    const values = {
      ...Object.fromEntries(
        Object.entries(fields)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
      ),
      ...metricColumns(metric),
    };
    await updateVersioned(trx, 'tasks', id, version, values);
    await syncSchedule(trx, id);
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'task',
      entityId: id,
      entityLabel: fields.title ?? task.title,
      orgPath: task.orgPath,
      ...changedFields(task as Record<string, unknown>, { ...values, responsibleOrgIds, cooperatingOrgIds }),
    });
  });
}
