import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { authorize } from '../../../policies/engine.ts';
import { versionConflict } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { TaskThresholds } from '../../../../shared/task-enums.ts';
import { taskPolicy } from '../policy.ts';
import { syncSchedule } from '../sync-schedule.ts';
import { campaignOrgPath } from '../task-writes.ts';

/**
 * Sets a campaign's 序时进度 tolerance, light gaps and 未更新 days, and re-derives every task of the campaign
 * under them (leaves first; each sync also rolls up to the parents).
 */
export function saveThresholds(ctx: Ctx, campaignId: number, input: TaskThresholds & { version?: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const path = await campaignOrgPath(trx, campaignId);
    authorize(taskPolicy, 'create', ctx.actor, {
      orgPath: path,
      unitPaths: [],
      leaderId: null,
      parentId: null,
      campaignOrgPath: path,
      done: false,
      hasMilestones: false,
      hasChildren: false,
    });
    const { version, ...t } = input;
    const current = await trx
      .selectFrom('taskSettings')
      .select('version')
      .where('campaignId', '=', campaignId)
      .executeTakeFirst();
    if (current && version !== undefined && current.version !== version) throw versionConflict();
    if (current)
      await trx
        .updateTable('taskSettings')
        .set({ ...t, version: current.version + 1, updatedAt: nowIso() })
        .where('campaignId', '=', campaignId)
        .execute();
    else
      await trx
        .insertInto('taskSettings')
        .values({ ...t, campaignId, updatedAt: nowIso() })
        .execute();
    const leaves = await trx
      .selectFrom('tasks')
      .select('id')
      .where('campaignId', '=', campaignId)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('tasks as c').select('c.id').whereRef('c.parentId', '=', 'tasks.id'))),
      )
      .execute();
    for (const { id } of leaves) await syncSchedule(trx, id, t);
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'task_settings',
      entityId: campaignId,
      entityLabel: '重点任务序时进度阈值',
      orgPath: path,
      after: t,
    });
  });
}
