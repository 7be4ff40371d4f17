/**
 * 检视整改's figures for 考核, per assessed unit (its subtree): problems of the campaign raised in the period,
 * with on-time closure, overdue and 立行立改 清零 judged by the same rules as the 问题清单's filters.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { OverdueItemSource } from '../../db/accountability-items.ts';
import type { Database } from '../../db/schema.ts';
import { pathInSubtree } from '../../db/scope.ts';
import {
  memoByQuery,
  shareOf,
  subtreeTotals,
  underRoot,
  type UnitFigureQuery,
  type UnitFigureSource,
} from '../../db/unit-figures.ts';
import { onTimePredicate, problemVisible } from './repository.ts';
import { colourPredicate } from './colour.ts';
import { addDays, shanghaiDayStart } from '../../clock.ts';

const problemStats = memoByQuery(async (db: Kysely<Database>, q: UnitFigureQuery) => {
  const rows = await db
    .selectFrom('problems')
    .select((eb) => {
      const count = (p: Expression<SqlBool>) => eb.fn.sum<number>(eb.case().when(p).then(1).else(0).end());
      const overdue = colourPredicate(eb, 'red', q.today, q.today);
      return [
        'problems.orgPath as path',
        eb.fn.countAll<number>().as('total'),
        count(onTimePredicate(eb)).as('onTime'),
        count(eb.or([eb('problems.status', '=', 'closed'), overdue])).as('judged'),
        count(overdue).as('overdue'),
        count(eb('problems.kind', '=', 'immediate')).as('immediate'),
        count(eb.and([eb('problems.kind', '=', 'immediate'), eb('problems.status', '=', 'closed')])).as('cleared'),
      ];
    })
    .where('problems.campaignId', '=', q.campaignId)
    .where((eb) => underRoot(eb, 'problems.orgPath', q))
    // The period's Shanghai days as a range of the stored UTC instants.
    .where('problems.createdAt', '>=', shanghaiDayStart(q.from))
    .where('problems.createdAt', '<', shanghaiDayStart(addDays(q.to, 1)))
    .groupBy('problems.orgPath')
    .execute();
  return subtreeTotals(db, q, rows, ['total', 'onTime', 'judged', 'overdue', 'immediate', 'cleared']);
});

/** The 问题清单 on the unit's subtree and the problems raised in the period: exactly the rows counted. */
const list = (filter: string) => (q: UnitFigureQuery & { orgId: number }) =>
  `/problems?campaignId=${q.campaignId}&orgId=${q.orgId}&createdFrom=${q.from}&createdTo=${q.to}${filter}`;

/** The figures 检视整改 contributes to 考核. */
export const problemFigureSources: UnitFigureSource[] = [
  {
    key: 'problems.onTimeRate',
    label: '问题按期整改率（按期销号 ÷ 已销号与逾期未销号）',
    module: '检视整改',
    unit: 'rate',
    better: 'higher',
    compute: async (db, q) =>
      shareOf(
        await problemStats(db, q),
        (r) => r.onTime,
        (r) => r.judged,
      ),
    evidence: list('&onTime=true'),
  },
  {
    key: 'problems.overdue',
    label: '逾期未整改问题数',
    module: '检视整改',
    unit: 'count',
    better: 'lower',
    compute: async (db, q) => new Map([...(await problemStats(db, q))].map(([id, r]) => [id, r.overdue])),
    evidence: list('&overdue=true'),
  },
  {
    key: 'problems.clearedRate',
    label: '立行立改问题清零率',
    module: '检视整改',
    unit: 'rate',
    better: 'higher',
    compute: async (db, q) =>
      shareOf(
        await problemStats(db, q),
        (r) => r.cleared,
        (r) => r.immediate,
      ),
    evidence: list('&kind=immediate'),
  },
];

/**
 * Overdue measures (deadline passed, not done, problem not closed) as accountability items: the measure's 责任人
 * and 责任领导 (分管领导) and the unit it belongs to. Scoped like the 问题清单 (problemVisible).
 */
export const overdueMeasures: OverdueItemSource = {
  kind: 'measure',
  label: '整改措施',
  items: (db, actor, f) =>
    db
      .selectFrom('problemMeasures as m')
      .innerJoin('problems', 'problems.id', 'm.problemId')
      .select([
        sql.lit('measure').as('kind'),
        'm.id as refId',
        'problems.title as title',
        'm.deadline as deadline',
        'm.ownerOrgId as orgId',
        'm.ownerId as ownerId',
        'm.leaderId as leaderId',
        sql<string>`'/problems/' || cast(problems.id as text)`.as('link'),
      ])
      .where('problems.campaignId', '=', f.campaignId)
      .where('problems.status', '!=', 'closed')
      .where('m.status', '!=', 'done')
      .where('m.deadline', '<', f.today)
      .where((eb) => pathInSubtree(eb, 'problems.orgPath', f.orgPath))
      .where(problemVisible(actor)),
};
