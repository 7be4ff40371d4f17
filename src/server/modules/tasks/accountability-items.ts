/**
 * Key tasks past their end date and not done, as accountability items (责任链): the 牵头单位 and its 牵头领导 (as
 * the 分管领导; a task names no separate 责任人). Scoped like the 重点任务 list (taskVisible).
 */
import { sql } from 'kysely';
import type { OverdueItemSource } from '../../db/accountability-items.ts';
import { pathInSubtree } from '../../db/scope.ts';
import { taskVisible } from './repository.ts';

export const overdueTasks: OverdueItemSource = {
  kind: 'task',
  label: '重点任务',
  items: (db, actor, f) =>
    db
      .selectFrom('tasks')
      .select([
        sql.lit('task').as('kind'),
        'tasks.id as refId',
        'tasks.title as title',
        'tasks.endDate as deadline',
        'tasks.orgId as orgId',
        sql<number | null>`null`.as('ownerId'),
        'tasks.leaderId as leaderId',
        sql<string>`'/tasks?open=' || cast(tasks.id as text)`.as('link'),
      ])
      .where('tasks.campaignId', '=', f.campaignId)
      .where('tasks.done', '=', 0)
      .where('tasks.endDate', '<', f.today)
      .where((eb) => pathInSubtree(eb, 'tasks.orgPath', f.orgPath))
      .where(taskVisible(actor)),
};
