/**
 * What 考核 puts on 我的待办: 异议 lodged during a 公示 that wait for the office's answer (the office or an admin
 * over the assessed subtree answers them — assessmentPolicy.answer).
 */
import { inScope } from '../../db/scope.ts';
import { isManager } from '../../policies/roles.ts';
import { sqlTodo, type TodoSource } from '../../lib/todo-source.ts';
import { shanghaiDate } from '../../clock.ts';

const objections: TodoSource = {
  kind: 'assessment_objection',
  label: '考核异议答复',
  menu: 'assessments',
  query(db, actor) {
    if (!isManager(actor)) return null;
    const filtered = db
      .selectFrom('assessmentObjections')
      .innerJoin('assessments', 'assessments.id', 'assessmentObjections.assessmentId')
      .innerJoin('orgUnits', 'orgUnits.id', 'assessmentObjections.orgId')
      .where('assessmentObjections.status', '=', 'open')
      .where('assessments.confirmedAt', 'is', null)
      .where(inScope(actor.scope, 'assessments.orgPath'));
    return sqlTodo(
      filtered,
      (qb) =>
        qb
          .select([
            'assessmentObjections.id',
            'assessmentObjections.assessmentId',
            'assessments.name',
            'assessments.publicityUntil',
            'orgUnits.name as orgName',
            'assessmentObjections.createdAt',
          ])
          .orderBy('assessmentObjections.id'),
      (r) => ({
        kind: 'assessment_objection',
        id: r.id,
        title: `考核异议：${r.name}`,
        orgName: r.orgName,
        date: shanghaiDate(new Date(r.createdAt)),
        overdue: false,
        link: `/assessments?id=${r.assessmentId}&objection=${r.id}`,
      }),
    );
  },
};

export const assessmentTodoSources: TodoSource[] = [objections];
