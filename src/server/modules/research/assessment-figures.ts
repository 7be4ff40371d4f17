/** 调查研究's figure for 考核: research reports written in the period, per assessed unit's subtree. */
import { addDays, shanghaiDayStart } from '../../clock.ts';
import { subtreeTotals, underRoot, type UnitFigureSource } from '../../db/unit-figures.ts';

/** The figures 调查研究 contributes to 考核. */
export const researchFigureSources: UnitFigureSource[] = [
  {
    key: 'research.reports',
    label: '调研报告篇数',
    module: '调查研究',
    unit: 'count',
    better: 'higher',
    // Units with a topic in the campaign have data (0 reports is a figure); units without a topic have none.
    async compute(db, q) {
      const rows = await db
        .selectFrom('researchTopics as t')
        .select((eb) => [
          't.orgPath as path',
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(
                  eb.and([
                    eb('t.status', 'in', ['reported', 'accepted']),
                    // The period's Shanghai days as a range of the stored UTC instants.
                    eb('t.reportedAt', '>=', shanghaiDayStart(q.from)),
                    eb('t.reportedAt', '<', shanghaiDayStart(addDays(q.to, 1))),
                  ]),
                )
                .then(1)
                .else(0)
                .end(),
            )
            .as('reports'),
        ])
        .where('t.campaignId', '=', q.campaignId)
        .where((eb) => underRoot(eb, 't.orgPath', q))
        .groupBy('t.orgPath')
        .execute();
      return new Map([...(await subtreeTotals(db, q, rows, ['reports']))].map(([id, r]) => [id, r.reports]));
    },
    evidence: (q) => `/research?campaignId=${q.campaignId}&orgId=${q.orgId}`,
  },
];
