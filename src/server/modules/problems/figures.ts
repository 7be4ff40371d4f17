import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { onTimePredicate, problemQuery, type ProblemFilter } from './repository.ts';
import { colourPredicate } from './colour.ts';
import { tallySummaries, type ProblemSummary } from './tally.ts';
import { allChildIds } from '../orgs/public.ts';

/** The figures of the per-unit table, each with the list filter that opens exactly the rows it counts. */
export const FIGURES = {
  total: { label: '问题总数', filter: {} },
  closed: { label: '已销号', filter: { status: 'closed' } },
  cleared: { label: '立行立改已清零', filter: { kind: 'immediate', status: 'closed' } },
  onTime: { label: '按期完成', filter: { onTime: true } },
  overdue: { label: '逾期', filter: { overdue: true } },
  escalated: { label: '承接下级上报', filter: { escalated: true } },
} as const satisfies Record<string, { label: string; filter: Partial<ProblemFilter> }>;
export type FigureKey = keyof typeof FIGURES;

interface Unit {
  id: number;
  name: string;
  path: string;
}

type Dates = { today: string; yellowUntil: string };
const figuresOf = (s: ProblemSummary) =>
  Object.fromEntries(Object.keys(FIGURES).map((k) => [k, s[k as FigureKey]])) as Record<FigureKey, number>;

/**
 * The same rows from the maintained tallies, for a caller who sees the whole subtree: the unit's own row is
 * its subtree minus the subtrees of all its children (deactivated ones included).
 */
export async function maintainedFigures(
  db: Kysely<Database>,
  campaignId: number | undefined,
  rows: Array<Unit & { own?: boolean }>,
  dates: Dates,
) {
  const childIds = await allChildIds(db, rows[0].id);
  const summaries = await tallySummaries(db, campaignId, [...new Set([...rows.map((r) => r.id), ...childIds])], dates);
  const childSum = (key: FigureKey) => childIds.reduce((s, id) => s + summaries.get(id)![key], 0);
  return rows.map((unit) => {
    const subtree = figuresOf(summaries.get(unit.id)!);
    const figures = unit.own
      ? (Object.fromEntries(Object.entries(subtree).map(([k, v]) => [k, v - childSum(k as FigureKey)])) as Record<
          FigureKey,
          number
        >)
      : subtree;
    return { orgId: unit.id, orgName: unit.own ? `${unit.name}（本级）` : unit.name, own: !!unit.own, figures };
  });
}

/**
 * One row per unit (the unit itself for its own problems, then each child subtree), counted with the very
 * query the 问题清单 uses — so a figure and the list it opens always agree.
 */
export async function problemFigures(
  db: Kysely<Database>,
  actor: Actor,
  campaignId: number | undefined,
  rows: Array<Unit & { own?: boolean }>,
  dates: { today: string; yellowUntil: string },
) {
  return Promise.all(
    rows.map(async (unit) => {
      const counts = await problemQuery(db, actor, { campaignId, orgPath: unit.path, unitOnly: unit.own }, dates)
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          eb.fn.sum<number>(eb.case().when('problems.status', '=', 'closed').then(1).else(0).end()).as('closed'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(eb.and([eb('problems.kind', '=', 'immediate'), eb('problems.status', '=', 'closed')]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('cleared'),
          eb.fn.sum<number>(eb.case().when(onTimePredicate(eb)).then(1).else(0).end()).as('onTime'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(colourPredicate(eb, 'red', dates.today, dates.yellowUntil))
                .then(1)
                .else(0)
                .end(),
            )
            .as('overdue'),
          eb.fn
            .sum<number>(eb.case().when('problems.escalatedFromId', 'is not', null).then(1).else(0).end())
            .as('escalated'),
        ])
        .executeTakeFirstOrThrow();
      const figures = Object.fromEntries(
        Object.keys(FIGURES).map((k) => [k, Number((counts as Record<string, unknown>)[k] ?? 0)]),
      ) as Record<FigureKey, number>;
      return { orgId: unit.id, orgName: unit.own ? `${unit.name}（本级）` : unit.name, own: !!unit.own, figures };
    }),
  );
}
