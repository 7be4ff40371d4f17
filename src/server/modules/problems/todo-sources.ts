/**
 * What 检视整改 puts on 我的待办 and what deadline reminders watch. Reviews follow problemPolicy (the
 * office and the 第一责任人 in their scope); measures due soon or overdue wait for their 责任人.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { idsOfPath, inScope } from '../../db/scope.ts';
import { sql, type RawBuilder } from 'kysely';
import { dialectOfDb } from '../../db/connection.ts';
import type { CalendarOverrides } from '../../lib/working-days.ts';
import { sqlTodo, type ReminderItem, type ReminderSource, type TodoSource } from '../../lib/todo-source.ts';
import { isReviewer } from '../../policies/roles.ts';
import { shanghaiDate } from '../../clock.ts';

/** today + the problem's campaign's warningDays, as a YYYY-MM-DD text comparable with deadlines. */
function yellowLimit(db: Kysely<Database>, today: string): RawBuilder<string> {
  return dialectOfDb(db) === 'postgres'
    ? sql<string>`to_char(${today}::date + campaigns.warning_days, 'YYYY-MM-DD')`
    : sql<string>`date(${today}, '+' || campaigns.warning_days || ' days')`;
}

const reviewer = isReviewer;

function problemsAwaiting(kind: string, label: string, status: string, action: string): TodoSource {
  return {
    kind,
    label,
    menu: 'problems',
    query(db, actor) {
      if (!reviewer(actor)) return null;
      const filtered = db
        .selectFrom('problems')
        .innerJoin('orgUnits', 'orgUnits.id', 'problems.orgId')
        .where('problems.status', '=', status)
        .where(inScope(actor.scope, 'problems.orgPath'));
      return sqlTodo(
        filtered,
        (qb) =>
          qb
            .select([
              'problems.id',
              'problems.title',
              'orgUnits.name as orgName',
              'problems.submittedAt',
              'problems.createdAt',
            ])
            .orderBy('problems.id'),
        (r) => ({
          kind,
          id: r.id,
          title: r.title,
          orgName: r.orgName,
          date: shanghaiDate(new Date(r.submittedAt ?? r.createdAt)),
          overdue: false,
          link: `/problems?open=${r.id}&action=${action}`,
        }),
      );
    },
  };
}

const extensionRequests: TodoSource = {
  kind: 'problem_extension',
  label: '延期申请',
  menu: 'problems',
  query(db, actor) {
    if (!reviewer(actor)) return null;
    const filtered = db
      .selectFrom('extensionRequests')
      .innerJoin('problems', 'problems.id', 'extensionRequests.problemId')
      .innerJoin('orgUnits', 'orgUnits.id', 'problems.orgId')
      .where('extensionRequests.status', '=', 'pending')
      .where('problems.status', '!=', 'closed')
      .where(inScope(actor.scope, 'problems.orgPath'));
    return sqlTodo(
      filtered,
      (qb) =>
        qb
          .select([
            'extensionRequests.id',
            'problems.id as problemId',
            'problems.title',
            'orgUnits.name as orgName',
            'extensionRequests.requestedDeadline as date',
          ])
          .orderBy('extensionRequests.id'),
      (r) => ({
        kind: 'problem_extension',
        id: r.id,
        title: `${r.title}（申请延至 ${r.date}）`,
        orgName: r.orgName,
        date: r.date,
        overdue: false,
        link: `/problems?open=${r.problemId}&action=extension`,
      }),
    );
  },
};

/** The measures a 责任人 owns that are overdue or due within the campaign's yellow-warning window. */
const measuresDue: TodoSource = {
  kind: 'measure_due',
  label: '整改措施临期/逾期',
  menu: 'problems',
  query(db, actor, today) {
    if (actor.personId === null) return null;
    const filtered = db
      .selectFrom('problemMeasures')
      .innerJoin('problems', 'problems.id', 'problemMeasures.problemId')
      .innerJoin('campaigns', 'campaigns.id', 'problems.campaignId')
      .innerJoin('orgUnits', 'orgUnits.id', 'problems.orgId')
      .where('problemMeasures.ownerId', '=', actor.personId)
      .where('problemMeasures.status', '=', 'open')
      .where('problems.status', 'in', ['draft', 'in_progress'])
      // The window is each campaign's own warningDays, as for the 黄 colour: deadline ≤ today + warningDays.
      .where(({ eb, ref }) => eb(ref('problemMeasures.deadline'), '<=', yellowLimit(db, today)));
    return sqlTodo(
      filtered,
      (qb) =>
        qb
          .select([
            'problemMeasures.id',
            'problemMeasures.content as title',
            'problems.id as problemId',
            'problems.title as problemTitle',
            'orgUnits.name as orgName',
            'problemMeasures.deadline as date',
          ])
          .orderBy('problemMeasures.deadline')
          .orderBy('problemMeasures.id'),
      (r) => ({
        kind: 'measure_due',
        id: r.id,
        title: `${r.problemTitle}：${r.title}`,
        orgName: r.orgName,
        date: r.date,
        overdue: r.date! < today,
        link: `/problems?open=${r.problemId}&action=progress`,
      }),
    );
  },
};

export const problemTodoSources: TodoSource[] = [
  problemsAwaiting('problem_confirm', '问题确认', 'draft', 'confirm'),
  problemsAwaiting('problem_close', '销号申请', 'submitted', 'approve'),
  extensionRequests,
  measuresDue,
];

/** Open measures of open problems, with the people the reminder chain climbs through. */
export const measureReminders: ReminderSource = {
  source: 'measure',
  noun: '整改措施',
  async dueBy(db, until, afterId, limit) {
    const rows = await db
      .selectFrom('problemMeasures')
      .innerJoin('problems', 'problems.id', 'problemMeasures.problemId')
      .innerJoin('orgUnits', 'orgUnits.id', 'problems.orgId')
      .leftJoin('orgUnits as upper', 'upper.id', 'orgUnits.parentId')
      .select([
        'problemMeasures.id',
        'problemMeasures.content',
        'problemMeasures.deadline',
        'problemMeasures.ownerId',
        'problemMeasures.leaderId',
        'problems.id as problemId',
        'problems.campaignId',
        'problems.title',
        'problems.orgPath',
        'orgUnits.name as orgName',
        'orgUnits.secretaryId',
        'upper.secretaryId as upSecretaryId',
      ])
      .where('problemMeasures.status', '=', 'open')
      .where('problems.status', 'in', ['draft', 'in_progress'])
      .where('problemMeasures.deadline', '<=', until)
      .where('problemMeasures.id', '>', afterId)
      .orderBy('problemMeasures.id')
      .limit(limit)
      .execute();
    const assigned = await leadersOf(db, rows);
    return rows.map(
      (r): ReminderItem => ({
        id: r.id,
        campaignId: r.campaignId,
        title: `${r.title}：${r.content}`,
        deadline: r.deadline,
        orgPath: r.orgPath,
        orgName: r.orgName,
        link: `/problems?open=${r.problemId}&action=progress`,
        ownerPersonId: r.ownerId,
        leaderPersonIds: [...new Set([...(r.leaderId ? [r.leaderId] : []), ...(assigned.get(r.orgPath) ?? [])])],
        chiefPersonId: r.secretaryId,
        upChiefPersonId: r.upSecretaryId ?? null,
      }),
    );
  },
};

/** 分管领导 of each unit path: leaders assigned to the unit or one of its ancestors. */
async function leadersOf(db: Kysely<Database>, rows: Array<{ orgPath: string }>): Promise<Map<string, number[]>> {
  const paths = [...new Set(rows.map((r) => r.orgPath))];
  const ids = [...new Set(paths.flatMap((p) => idsOfPath(p)))];
  if (!ids.length) return new Map();
  const assignments = await db
    .selectFrom('leaderAssignments')
    .select(['personId', 'orgId'])
    .where('orgId', 'in', ids)
    .execute();
  return new Map(
    paths.map((p) => {
      const onPath = new Set(idsOfPath(p));
      return [p, assignments.filter((a) => onPath.has(a.orgId)).map((a) => a.personId)];
    }),
  );
}

/** The admin's holiday and make-up workday corrections, for reminders counted in working days. */
export async function calendarOverrides(db: Kysely<Database>): Promise<CalendarOverrides> {
  const rows = await db.selectFrom('calendarOverrides').select(['date', 'kind']).execute();
  return new Map(rows.map((r) => [r.date, r.kind as 'workday' | 'holiday']));
}
