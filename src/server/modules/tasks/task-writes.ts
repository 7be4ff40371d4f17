import type { Kysely } from 'kysely';
import type { Ctx } from '../../http/context.ts';
import type { Database } from '../../db/schema.ts';
import { invalidField } from '../../errors.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { findTaskAnywhere, findTaskInScope, unitsOf, type TaskRow } from './repository.ts';
import { subjectOf } from './presenter.ts';

/** The path of the unit whose office runs the campaign (a top-level task it leads is campaign-level). */
export async function campaignOrgPath(trx: Kysely<Database>, campaignId: number): Promise<string> {
  const row = await trx
    .selectFrom('campaigns')
    .innerJoin('orgUnits', 'orgUnits.id', 'campaigns.orgId')
    .select('orgUnits.path')
    .where('campaigns.id', '=', campaignId)
    .executeTakeFirst();
  if (!row) throw invalidField('campaignId', '“主题教育”不存在');
  return row.path;
}

/** Whether a task has milestones and sub-tasks (a task is planned one way or the other, never both). */
export async function shapeOf(trx: Kysely<Database>, taskId: number) {
  const [m, c] = await Promise.all([
    trx.selectFrom('taskMilestones').select('id').where('taskId', '=', taskId).limit(1).executeTakeFirst(),
    trx.selectFrom('tasks').select('id').where('parentId', '=', taskId).limit(1).executeTakeFirst(),
  ]);
  return { hasMilestones: !!m, hasChildren: !!c };
}

/** A task loaded for a write (403 outside scope, 404 unknown), with the policy's view of it. */
export async function loadForWrite(ctx: Ctx, trx: Kysely<Database>, id: number) {
  const task: TaskRow = await requireWritable(
    await findTaskInScope(trx, ctx.actor, id),
    () => findTaskAnywhere(trx, id),
    '重点任务',
  );
  const [units, campaignPath, shape] = await Promise.all([
    unitsOf(trx, [id]),
    campaignOrgPath(trx, task.campaignId),
    shapeOf(trx, id),
  ]);
  return { task, units, shape, subject: subjectOf(task, units, campaignPath, shape) };
}

/** People named on a task must exist and be active. */
export async function checkPerson(trx: Kysely<Database>, path: string, id: number | null | undefined, label: string) {
  if (!id) return;
  const row = await trx
    .selectFrom('people')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!row) throw invalidField(path, `“${label}”不存在或已停用`);
}

/** The units named as 责任单位 / 配合单位, with their paths (they need not be in the caller's scope). */
export async function unitPathsOf(trx: Kysely<Database>, path: string, ids: number[], label: string) {
  if (!ids.length) return [];
  const rows = await trx
    .selectFrom('orgUnits')
    .select(['id', 'path'])
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .execute();
  if (rows.length !== ids.length) throw invalidField(path, `“${label}”中有不存在或已撤销的单位`);
  return rows;
}

/** Replaces a task's 责任单位 and 配合单位. */
export async function writeUnits(
  trx: Kysely<Database>,
  taskId: number,
  responsible: Array<{ id: number; path: string }>,
  cooperating: Array<{ id: number; path: string }>,
) {
  await trx.deleteFrom('taskUnits').where('taskId', '=', taskId).execute();
  const seen = new Set<number>();
  const rows = [
    ...responsible.map((u) => ({ ...u, role: 'responsible' })),
    ...cooperating.map((u) => ({ ...u, role: 'cooperating' })),
  ].filter((u) => !seen.has(u.id) && seen.add(u.id));
  if (rows.length)
    await trx
      .insertInto('taskUnits')
      .values(rows.map((u) => ({ taskId, orgId: u.id, orgPath: u.path, role: u.role })))
      .execute();
}

/** Milestone dates must lie within the task. */
export function checkWithin(plannedDate: string, task: { startDate: string; endDate: string }, path: string) {
  if (plannedDate < task.startDate || plannedDate > task.endDate)
    throw invalidField(path, `“计划完成日期”须在任务起止日期（${task.startDate} 至 ${task.endDate}）之内`);
}
