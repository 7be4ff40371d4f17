/**
 * What waits for a caller in 接诉即办 (lib/todo-source.ts): count and page share one filtered query, so the
 * badge equals the list.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso, shanghaiDate } from '../../clock.ts';
import { dispatchesDemandsOnTodo, takesDemandsOnTodo } from './policy.ts';
import { inScope } from '../../db/scope.ts';
import { demandVisible, overduePredicate } from './repository.ts';
import type { TodoQuery, TodoSource } from '../../lib/todo-source.ts';

type Waiting = 'demand_dispatch' | 'demand_accept' | 'demand_answer' | 'demand_visit';

/** The filtered query of demands waiting for this actor in one step, or null when that step is never theirs. */
export function demandsAwaiting(db: Kysely<Database>, actor: Actor, kind: Waiting) {
  const handler = takesDemandsOnTodo(actor);
  const office = dispatchesDemandsOnTodo(actor);
  const base = db.selectFrom('demands').where(demandVisible(actor));
  switch (kind) {
    case 'demand_accept':
      return handler
        ? base.where('demands.status', '=', 'dispatched').where(inScope(actor.scope, 'demands.orgPath'))
        : null;
    case 'demand_answer':
      return handler
        ? base.where('demands.status', '=', 'accepted').where(inScope(actor.scope, 'demands.orgPath'))
        : null;
    case 'demand_dispatch':
      return office ? base.where('demands.status', '=', 'received') : null;
    case 'demand_visit':
      return office
        ? base.where((eb) =>
            eb.or([
              eb.and([eb('demands.status', '=', 'answered'), eb('demands.visitedAt', 'is', null)]),
              eb('demands.extensionDays', 'is not', null),
            ]),
          )
        : null;
  }
}

const ACTION_OF: Record<Waiting, string> = {
  demand_dispatch: 'dispatch',
  demand_accept: 'accept',
  demand_answer: 'answer',
  demand_visit: 'visit',
};

function todoQuery(
  // biome-ignore lint/complexity/noBannedTypes: Kysely's own type for a query with nothing selected yet
  filtered: SelectQueryBuilder<Database, 'demands', {}>,
  kind: Waiting,
): TodoQuery {
  const now = nowIso();
  return {
    async count() {
      const row = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async list(limit, offset) {
      const rows = await filtered
        .leftJoin('orgUnits', 'orgUnits.id', 'demands.orgId')
        .select((eb) => [
          'demands.id',
          'demands.trackingCode',
          'demands.description',
          'demands.dueAt',
          'demands.receivedAt',
          'orgUnits.name as orgName',
          overduePredicate(eb as never, now).as('late'),
        ])
        .orderBy('demands.dueAt')
        .orderBy('demands.id')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((r) => ({
        kind,
        id: r.id,
        title: `${r.trackingCode} ${r.description.slice(0, 40)}`,
        orgName: r.orgName ?? null,
        date: shanghaiDate(new Date(r.dueAt ?? r.receivedAt)),
        overdue: !!Number(r.late),
        link: `/demands?open=${r.id}&action=${ACTION_OF[kind]}`,
      }));
    },
  };
}

/** Demands waiting for this actor to accept (签收) or answer (答复) within their limits, dispatch or visit. */
export function demandTodoQuery(db: Kysely<Database>, actor: Actor, kind: Waiting): TodoQuery | null {
  const q = demandsAwaiting(db, actor, kind);
  return q ? todoQuery(q, kind) : null;
}

const source = (kind: Waiting, label: string): TodoSource => ({
  kind,
  label,
  menu: 'demands',
  query: (db: Kysely<Database>, actor: Actor, _today?: string) => demandTodoQuery(db, actor, kind),
});

/** 我的待办 of 接诉即办, registered in modules/todos/sources.ts. */
export const demandTodoSources: TodoSource[] = [
  source('demand_accept', '待签收诉求'),
  source('demand_answer', '待答复诉求'),
  source('demand_dispatch', '待派单诉求'),
  source('demand_visit', '待回访或审批延期的诉求'),
];
