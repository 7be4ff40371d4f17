/**
 * The read figures: each an API path and, for the references, the same SQL the route runs (called through
 * the project's own query functions, so it cannot drift), run in-process and behind a bare Fastify route.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { pathInSubtree } from '../../src/server/db/scope.ts';
import { childUnits, visibleOrg } from '../../src/server/modules/orgs/public.ts';
import { problemFigures } from '../../src/server/modules/problems/figures.ts';
import { colourPredicate } from '../../src/server/modules/problems/colour.ts';
import { judgeDates } from '../../src/server/modules/problems/presenter.ts';
import { measuresOf, problemPage, problemQuery, warningDaysOf } from '../../src/server/modules/problems/repository.ts';
import { peoplePage, peopleQuery } from '../../src/server/modules/people/repository.ts';
import type { BenchCtx, UnitRef } from './context.ts';
import type { Timing } from './load.ts';

export interface Target {
  text: string;
  met(server: Timing, bare: Timing): boolean;
}

export interface ReadFigure {
  name: string;
  label: string;
  path: string;
  connections: number;
  reference: () => Promise<unknown>;
  target?: Target;
}

const p95Within = (limit: number): Target => ({
  text: `p95 ≤ ${limit} ms`,
  met: (server) => server.failures === 0 && server.p95 <= limit,
});
const halfOfBare: Target = {
  text: '≥ 裸路由的 1/2',
  met: (server, bare) => server.failures === 0 && server.perSecond >= bare.perSecond / 2,
};

/**
 * What the dashboard costs without maintained figures: problems of the subtree counted by status and overdue,
 * plus the open study make-ups — live aggregates over the base tables.
 */
function liveDashboard(db: Kysely<Database>, campaignId: number, unit: UnitRef) {
  return async () => {
    const dates = judgeDates(await warningDaysOf(db, campaignId));
    const [problems, makeups] = await Promise.all([
      db
        .selectFrom('problems')
        .select((eb) => [
          'problems.status',
          eb.fn.countAll<number>().as('n'),
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
        ])
        .where('problems.campaignId', '=', campaignId)
        .where((eb) => pathInSubtree(eb, 'problems.orgPath', unit.path))
        .groupBy('problems.status')
        .execute(),
      db
        .selectFrom('makeupItems')
        .innerJoin('studySessions', 'studySessions.id', 'makeupItems.sessionId')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('studySessions.campaignId', '=', campaignId)
        .where('makeupItems.status', '=', 'open')
        .where((eb) => pathInSubtree(eb, 'makeupItems.orgPath', unit.path))
        .executeTakeFirstOrThrow(),
    ]);
    return { problems, openMakeups: Number(makeups.n) };
  };
}

/** The per-unit 整改统计 exactly as its route computes it. */
function unitFigures({ db, actor, campaignId }: BenchCtx, unit: UnitRef) {
  return async () => {
    const org = (await visibleOrg(db, actor.scope, unit.id))!;
    const dates = judgeDates(await warningDaysOf(db, campaignId));
    const children = await childUnits(db, actor.scope, org.id);
    return problemFigures(db, actor, campaignId, [org, { ...org, own: true }, ...children], dates);
  };
}

export function readFigures(ctx: BenchCtx): ReadFigure[] {
  const { db, actor, campaignId, units } = ctx;
  const levels = [
    ['root', '全市', units.root],
    ['mid', '区', units.mid],
    ['branch', '支部', units.branch],
  ] as const;
  return [
    ...levels.map(([key, name, unit]) => ({
      name: `dashboard-${key}`,
      label: `工作台统计（${name}）`,
      path: `/api/v1/dashboard?campaignId=${campaignId}&orgId=${unit.id}`,
      connections: 1,
      reference: liveDashboard(db, campaignId, unit),
      target: p95Within(20),
    })),
    ...levels.map(([key, name, unit]) => ({
      name: `figures-${key}`,
      label: `整改统计（${name}）`,
      path: `/api/v1/problems/figures?campaignId=${campaignId}&orgId=${unit.id}`,
      connections: 1,
      reference: unitFigures(ctx, unit),
    })),
    {
      name: 'problem-list',
      label: '问题清单（整改中，按时限，第 3 页）',
      path: `/api/v1/problems?campaignId=${campaignId}&status=in_progress&sort=dueDate&page=3&pageSize=50`,
      connections: 10,
      reference: async () => {
        const dates = judgeDates(await warningDaysOf(db, campaignId));
        const page = await problemPage(
          db,
          problemQuery(db, actor, { campaignId, status: 'in_progress' }, dates),
          'dueDate',
          3,
          50,
        );
        return {
          ...page,
          measures: await measuresOf(
            db,
            page.items.map((p) => p.id),
          ),
        };
      },
      target: halfOfBare,
    },
    {
      name: 'person-search',
      label: '人员查询（拼音首字母 zw）',
      path: '/api/v1/people?q=zw&pageSize=20',
      connections: 1,
      reference: () => peoplePage(peopleQuery(db, actor.scope, { q: 'zw' }), 1, 20),
      target: p95Within(20),
    },
  ];
}
