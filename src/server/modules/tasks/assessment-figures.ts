/** 推动发展's figure for 考核: key tasks on schedule, per assessed unit (the 牵头单位's subtree). */
import type { Expression, SqlBool } from 'kysely';
import { assessedUnits, inUnitSubtree, shareOf, type UnitFigureSource } from '../../db/unit-figures.ts';
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
      const rows = await assessedUnits(db, q)
        .innerJoin('tasks', (j) => j.on((eb) => inUnitSubtree(eb, 'tasks.orgPath')))
        .select((eb) => {
          const count = (p: Expression<SqlBool>) => eb.fn.sum<number>(eb.case().when(p).then(1).else(0).end());
          return [
            'u.id as orgId',
            count(eb('tasks.startDate', '<=', q.today)).as('started'),
            count(
              eb.or([statusPredicate(eb as never, 'done', q.today), statusPredicate(eb as never, 'on_track', q.today)]),
            ).as('onSchedule'),
          ];
        })
        .where('tasks.campaignId', '=', q.campaignId)
        .where('tasks.parentId', 'is', null)
        .where('tasks.startDate', '<=', q.to)
        .groupBy('u.id')
        .execute();
      return shareOf(
        new Map(rows.map((r) => [Number(r.orgId), { started: Number(r.started), on: Number(r.onSchedule) }])),
        (r) => r.on,
        (r) => r.started,
      );
    },
    evidence: (q) => `/tasks?campaignId=${q.campaignId}&orgId=${q.orgId}`,
  },
];
