/**
 * What 督促指导 puts on 我的待办: planned checks (不打招呼) the caller organises and has yet to record — the
 * office over the unit, the members of the check's supervision group, its creator (checkPolicy.record).
 */
import { inScope } from '../../db/scope.ts';
import type { TodoQuery, TodoSource } from '../../lib/todo-source.ts';
import { checkQuery, organises } from './repository.ts';
import { viewerOf } from './viewer.ts';

const checksToRecord: TodoSource = {
  kind: 'check_record',
  label: '待记录检查',
  menu: 'checks',
  query(db, actor, today): TodoQuery | null {
    if (!organises(actor)) return null;
    // The caller's supervision groups decide which planned checks they see: loaded once, by the first call.
    let filtered: Promise<ReturnType<typeof checkQuery>> | undefined;
    const planned = () => {
      filtered ??= viewerOf(db, actor).then((viewer) =>
        checkQuery(db, viewer, { status: 'planned' }).where(inScope(actor.scope, 'spotChecks.orgPath')),
      );
      return filtered;
    };
    return {
      async count() {
        const row = await (await planned()).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        return Number(row.n);
      },
      async list(limit, offset) {
        const rows = await (await planned())
          .select(['spotChecks.id', 'spotChecks.date', 'orgUnits.name as orgName'])
          .orderBy('spotChecks.date')
          .orderBy('spotChecks.id')
          .limit(limit)
          .offset(offset)
          .execute();
        return rows.map((r) => ({
          kind: 'check_record',
          id: r.id,
          title: `督导检查：${r.orgName}（${r.date}）`,
          orgName: r.orgName,
          date: r.date,
          overdue: r.date < today,
          link: `/checks?open=${r.id}`,
        }));
      },
    };
  },
};

export const checkTodoSources: TodoSource[] = [checksToRecord];
