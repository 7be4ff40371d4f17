/** Inserting a 重点任务 with its milestones: used by 新建 (commands/create-task.ts) and by the 重点任务台账 import. */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../http/context.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso, today } from '../../clock.ts';
import { invalidField, taskHasMilestones } from '../../errors.ts';
import { authorize } from '../../policies/engine.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../orgs/public.ts';
import { taskPolicy } from './policy.ts';
import { NEVER } from './schedule.ts';
import { syncSchedule } from './sync-schedule.ts';
import { campaignOrgPath, checkPerson, checkWithin, loadForWrite, unitPathsOf, writeUnits } from './task-writes.ts';

export interface MilestoneInput {
  title: string;
  plannedDate: string;
  weight: number;
  criteria?: string;
}

export interface CreateTaskInput {
  campaignId: number;
  parentId?: number;
  orgId: number;
  leaderId?: number | null;
  title: string;
  description?: string;
  startDate: string;
  endDate: string;
  weight?: number;
  responsibleOrgIds?: number[];
  cooperatingOrgIds?: number[];
  metric?: { name: string; unit: string; target: number; current?: number } | null;
  milestones?: MilestoneInput[];
}

/** Metric columns from the 年度目标 input (null clears it). */
export function metricColumns(metric: CreateTaskInput['metric']) {
  if (metric === undefined) return {};
  return {
    metricName: metric?.name.trim() ?? null,
    metricUnit: metric?.unit.trim() ?? null,
    metricTarget: metric?.target ?? null,
    metricCurrent: metric?.current ?? null,
  };
}

/** Records a 重点任务 (or a sub-task split from one) with its milestones; status is derived at once. */
export async function insertTask(trx: Kysely<Database>, ctx: Ctx, input: CreateTaskInput): Promise<number> {
  const org = await requireWritable(
    await visibleOrg(trx, ctx.actor.scope, input.orgId),
    () => anyOrg(trx, input.orgId),
    '单位',
  );
  const campaignPath = await campaignOrgPath(trx, input.campaignId);
  if (input.parentId) {
    const parent = await loadForWrite(ctx, trx, input.parentId);
    if (parent.task.campaignId !== input.campaignId) throw invalidField('parentId', '“上级任务”不属于该主题教育');
    if (parent.shape.hasMilestones) throw taskHasMilestones();
    authorize(taskPolicy, 'split', ctx.actor, parent.subject);
  }
  authorize(taskPolicy, 'create', ctx.actor, {
    orgPath: org.path,
    unitPaths: [],
    leaderId: null,
    parentId: input.parentId ?? null,
    campaignOrgPath: campaignPath,
    done: false,
    hasMilestones: false,
    hasChildren: false,
  });
  if (input.endDate < input.startDate) throw invalidField('endDate', '“完成时限”不能早于“开始日期”');
  await checkPerson(trx, 'leaderId', input.leaderId, '牵头领导');
  for (const [i, m] of (input.milestones ?? []).entries())
    checkWithin(m.plannedDate, input, `milestones.${i}.plannedDate`);
  const [responsible, cooperating] = await Promise.all([
    unitPathsOf(trx, 'responsibleOrgIds', input.responsibleOrgIds ?? [], '责任单位'),
    unitPathsOf(trx, 'cooperatingOrgIds', input.cooperatingOrgIds ?? [], '配合单位'),
  ]);
  const now = nowIso();
  const row = await trx
    .insertInto('tasks')
    .values({
      campaignId: input.campaignId,
      parentId: input.parentId ?? null,
      orgId: org.id,
      orgPath: org.path,
      leaderId: input.leaderId ?? null,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      startDate: input.startDate,
      endDate: input.endDate,
      weight: input.weight ?? 1,
      ...metricColumns(input.metric ?? null),
      lastActivityOn: today(),
      behindFrom: NEVER,
      yellowFrom: NEVER,
      redFrom: NEVER,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeUnits(trx, row.id, responsible, cooperating);
  const milestones = input.milestones ?? [];
  if (milestones.length)
    await trx
      .insertInto('taskMilestones')
      .values(
        milestones.map((m) => ({
          taskId: row.id,
          title: m.title.trim(),
          plannedDate: m.plannedDate,
          weight: m.weight,
          criteria: m.criteria?.trim() ?? '',
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
  await syncSchedule(trx, row.id);
  await recordAudit(trx, ctx.actor, {
    action: 'create',
    entityType: 'task',
    entityId: row.id,
    entityLabel: input.title,
    orgPath: org.path,
    after: { ...input, milestones: milestones.length },
  });
  return row.id;
}
