/** What 理论学习 puts on 我的待办: plans the 第一责任人 reviews (planPolicy.review) and make-ups a member owes. */
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../db/scope.ts';
import { sqlTodo, type TodoSource } from '../../lib/todo-source.ts';
import { isReviewer } from '../../policies/roles.ts';
import { shanghaiDate } from '../../clock.ts';

const planReviews: TodoSource = {
  kind: 'study_plan_review',
  label: '学习计划审核',
  menu: 'study',
  query(db, actor: Actor) {
    if (!isReviewer(actor)) return null;
    const filtered = db
      .selectFrom('studyPlans')
      .innerJoin('orgUnits', 'orgUnits.id', 'studyPlans.orgId')
      .where('studyPlans.status', '=', 'submitted')
      .where(inScope(actor.scope, 'studyPlans.orgPath'));
    return sqlTodo(
      filtered,
      (qb) =>
        qb
          .select(['studyPlans.id', 'studyPlans.title', 'orgUnits.name as orgName', 'studyPlans.updatedAt'])
          .orderBy('studyPlans.id'),
      (r) => ({
        kind: 'study_plan_review',
        id: r.id,
        title: r.title,
        orgName: r.orgName,
        date: shanghaiDate(new Date(r.updatedAt)),
        overdue: false,
        link: `/study?tab=plans&open=${r.id}`,
      }),
    );
  },
};

const makeupsOwed: TodoSource = {
  kind: 'study_makeup',
  label: '待补学',
  menu: 'study',
  query(db, actor) {
    if (actor.personId === null) return null;
    const filtered = db
      .selectFrom('makeupItems')
      .innerJoin('studySessions', 'studySessions.id', 'makeupItems.sessionId')
      .innerJoin('orgUnits', 'orgUnits.id', 'studySessions.orgId')
      .where('makeupItems.personId', '=', actor.personId)
      .where('makeupItems.status', '=', 'open');
    return sqlTodo(
      filtered,
      (qb) =>
        qb
          .select(['makeupItems.id', 'studySessions.topic as title', 'orgUnits.name as orgName', 'studySessions.date'])
          .orderBy('studySessions.date')
          .orderBy('makeupItems.id'),
      (r) => ({
        kind: 'study_makeup',
        id: r.id,
        title: `补学：${r.title}`,
        orgName: r.orgName,
        date: r.date,
        overdue: false,
        link: '/study?tab=makeups',
      }),
    );
  },
};

export const studyTodoSources: TodoSource[] = [planReviews, makeupsOwed];
