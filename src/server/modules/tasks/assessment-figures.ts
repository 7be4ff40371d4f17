/** 推动发展's figure for 考核: key tasks on schedule, per assessed unit (the 牵头单位's subtree). */
import type { Expression, SqlBool } from 'kysely';
import { shareOf, subtreeTotals, underRoot, type UnitFigureSource } from '../../db/unit-figures.ts';
import { statusPredicate } from './repository.ts';

/** The figures 推动发展 contributes to 考核. */
export const taskFigureSources: UnitFigureSource[] = [
  {
    key: 'tasks.onScheduleRate',
    label: '重点任务按序时推进率（已完成与按序时推进 ÷ 已启动）',
    module: '推动发展',
    unit: 'rate',
    better: 'higher',
    // Top-level tasks that started by the end of the period, judged by the stored schedule on the scoring day.
    async compute(db, q) {
      const rows = await db
        .selectFrom('tasks')
        .select((eb) => {
          const count = (p: Expression<SqlBool>) => eb.fn.sum<number>(eb.case().when(p).then(1).else(0).end());
          return [
            'tasks.orgPath as path',
            count(eb('tasks.startDate', '<=', q.today)).as('started'),
            count(
              eb.or([statusPredicate(eb as never, 'done', q.today), statusPredicate(eb as never, 'on_track', q.today)]),
            ).as('onSchedule'),
          ];
        })
        .where('tasks.campaignId', '=', q.campaignId)
        .where('tasks.parentId', 'is', null)
        .where('tasks.startDate', '<=', q.to)
        .where((eb) => underRoot(eb, 'tasks.orgPath', q))
        .groupBy('tasks.orgPath')
        .execute();
      return shareOf(
        await subtreeTotals(db, q, rows, ['started', 'onSchedule']),
        (r) => r.onSchedule,
        (r) => r.started,
      );
    },
    evidence: (q) => `/tasks?campaignId=${q.campaignId}&orgId=${q.orgId}`,
  },
];
