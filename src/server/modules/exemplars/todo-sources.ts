/**
 * What 先进典型 puts on 我的待办: nominations waiting at a level the caller reviews (层层推荐: that unit's
 * 第一责任人 or the office approves them up or turns them down — exemplarPolicy.approve).
 */
import { inScope } from '../../db/scope.ts';
import { sqlTodo, type TodoSource } from '../../lib/todo-source.ts';
import { isReviewer } from '../../policies/roles.ts';
import { shanghaiDate } from '../../clock.ts';

const nominations: TodoSource = {
  kind: 'exemplar_nomination',
  label: '典型推荐审核',
  menu: 'exemplars',
  query(db, actor) {
    if (!isReviewer(actor)) return null;
    const filtered = db
      .selectFrom('exemplars')
      .innerJoin('orgUnits', 'orgUnits.id', 'exemplars.orgId')
      .where('exemplars.status', '=', 'nominated')
      .where(inScope(actor.scope, 'exemplars.levelOrgPath'));
    return sqlTodo(
      filtered,
      (qb) =>
        qb
          .select(['exemplars.id', 'exemplars.title', 'orgUnits.name as orgName', 'exemplars.createdAt'])
          .orderBy('exemplars.id'),
      (r) => ({
        kind: 'exemplar_nomination',
        id: r.id,
        title: `推荐典型：${r.title}`,
        orgName: r.orgName,
        date: shanghaiDate(new Date(r.createdAt)),
        overdue: false,
        link: `/exemplars?open=${r.id}`,
      }),
    );
  },
};

export const exemplarTodoSources: TodoSource[] = [nominations];
