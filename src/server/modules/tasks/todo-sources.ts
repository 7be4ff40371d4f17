/** What 推动发展 puts on 我的待办: the week's 周调度 update of a running task, for its 牵头领导 and the lead unit's officers. */
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../db/scope.ts';
import { hasRole } from '../../policies/engine.ts';
import { sqlTodo, type TodoSource } from '../../lib/todo-source.ts';
import { weekOf } from '../../../shared/iso-week.ts';

const weeklyUpdates: TodoSource = {
  kind: 'task_weekly_update',
  label: '周调度待报',
  menu: 'tasks',
  query(db, actor: Actor, today) {
    const officer = hasRole(actor, 'officer');
    if (actor.personId === null && !officer) return null;
    const week = weekOf(today);
    const filtered = db
      .selectFrom('tasks')
      .innerJoin('orgUnits', 'orgUnits.id', 'tasks.orgId')
      .where('tasks.done', '=', 0)
      .where('tasks.startDate', '<=', today)
      .where('tasks.endDate', '>=', today)
      .where((eb) => {
        const mine = [];
        if (actor.personId !== null) mine.push(eb('tasks.leaderId', '=', actor.personId));
        // The lead unit's and the 责任单位' officers (taskUnits: 责任单位 and 配合单位).
        if (officer)
          mine.push(
            inScope(actor.scope, 'tasks.orgPath')(eb),
            eb.exists(
              eb
                .selectFrom('taskUnits')
                .select('taskUnits.taskId')
                .whereRef('taskUnits.taskId', '=', 'tasks.id')
                .where('taskUnits.role', '=', 'responsible')
                .where(inScope(actor.scope, 'taskUnits.orgPath')),
            ),
          );
        return eb.or(mine);
      })
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('tasks as child').select('child.id').whereRef('child.parentId', '=', 'tasks.id'))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('taskUpdates')
              .select('taskUpdates.id')
              .whereRef('taskUpdates.taskId', '=', 'tasks.id')
              .where('taskUpdates.week', '=', week),
          ),
        ),
      );
    return sqlTodo(
      filtered,
      (qb) => qb.select(['tasks.id', 'tasks.title', 'orgUnits.name as orgName']).orderBy('tasks.id'),
      (r) => ({
        kind: 'task_weekly_update',
        id: r.id,
        title: `${r.title}（${week} 周调度）`,
        orgName: r.orgName,
        date: today,
        overdue: false,
        link: `/tasks?open=${r.id}&action=update`,
      }),
    );
  },
};

export const taskTodoSources: TodoSource[] = [weeklyUpdates];
