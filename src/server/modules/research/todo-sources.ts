/** What 调查研究 puts on 我的待办: reports the 第一责任人 and the office review (topicPolicy.review). */
import { inScope } from '../../db/scope.ts';
import { sqlTodo, type TodoSource } from '../../lib/todo-source.ts';
import { isReviewer } from '../../policies/roles.ts';
import { shanghaiDate } from '../../clock.ts';

const reportReviews: TodoSource = {
  kind: 'research_report_review',
  label: '调研报告审核',
  menu: 'research',
  query(db, actor) {
    if (!isReviewer(actor)) return null;
    const filtered = db
      .selectFrom('researchTopics')
      .innerJoin('orgUnits', 'orgUnits.id', 'researchTopics.orgId')
      .where('researchTopics.status', '=', 'reported')
      .where(inScope(actor.scope, 'researchTopics.orgPath'));
    return sqlTodo(
      filtered,
      (qb) =>
        qb
          .select([
            'researchTopics.id',
            'researchTopics.title',
            'orgUnits.name as orgName',
            'researchTopics.reportedAt',
          ])
          .orderBy('researchTopics.id'),
      (r) => ({
        kind: 'research_report_review',
        id: r.id,
        title: r.title,
        orgName: r.orgName,
        date: r.reportedAt ? shanghaiDate(new Date(r.reportedAt)) : null,
        overdue: false,
        link: `/research?open=${r.id}&action=review`,
      }),
    );
  },
};

export const researchTodoSources: TodoSource[] = [reportReviews];
