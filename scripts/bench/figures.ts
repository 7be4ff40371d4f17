/**
 * The read figures: each an API path (served by the server under test and by the honest limit, limit/), the
 * route's own query functions for the in-process column, and where the route reads maintained figures the
 * same answer counted live (what the tallies save).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { listProblems } from '../../src/server/modules/problems/problem-list.ts';
import { pathInSubtree } from '../../src/server/db/scope.ts';
import { childUnits, visibleOrg } from '../../src/server/modules/orgs/public.ts';
import { maintainedFigures, problemFigures } from '../../src/server/modules/problems/figures.ts';
import { unitFigures } from '../../src/server/modules/dashboard/summary.ts';
import { colourPredicate } from '../../src/server/modules/problems/colour.ts';
import { judgeDates } from '../../src/server/modules/problems/presenter.ts';
import {
  measureFactsOf,
  problemPage,
  problemQuery,
  warningDaysOf,
} from '../../src/server/modules/problems/repository.ts';
import { peoplePage, peopleQuery } from '../../src/server/modules/people/repository.ts';
import type { BenchCtx, UnitRef } from './context.ts';
import type { Timing } from './load.ts';
import { taskReadFigures } from './figures-tasks.ts';
import { demandReadFigures } from './figures-demands.ts';

export interface Target {
  text: string;
  met(served: Timing, ratio: Ratios): boolean;
}

/** Served over limit: throughput (median of rounds) and CPU (limit's CPU per request over the server's). */
export interface Ratios {
  throughput: number;
  cpu: number;
}

export interface ReadFigure {
  name: string;
  label: string;
  path: string;
  connections: number;
  /** The route's own query functions, called in the benchmark process. */
  inProcess: () => Promise<unknown>;
  /** The same answer counted live over the base tables, where the route reads maintained figures. */
  live?: () => Promise<unknown>;
  target: Target;
}

/** Within `share` of the honest limit by throughput and by CPU per request (and p95 within `p95` ms). */
export const nearLimit = (share: number, p95?: number): Target => ({
  text: `${p95 ? `p95 ≤ ${p95} ms，` : ''}≥ ${share}×极限`,
  met: (served, ratio) =>
    served.failures === 0 &&
    (p95 === undefined || served.p95 <= p95) &&
    ratio.throughput >= share &&
    ratio.cpu >= share,
});

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

type FigureRows = typeof maintainedFigures;

/** The per-unit 整改统计 rows as the route builds them, from the tallies or (the live column) counted. */
function figuresOf({ db, actor, campaignId }: BenchCtx, unit: UnitRef, rows: FigureRows) {
  return async () => {
    const org = (await visibleOrg(db, actor.scope, unit.id))!;
    const dates = judgeDates(await warningDaysOf(db, campaignId));
    const children = await childUnits(db, actor.scope, org.id);
    return rows(db, campaignId, [org, { ...org, own: true }, ...children], dates);
  };
}

export function readFigures(ctx: BenchCtx): ReadFigure[] {
  const { db, actor, campaignId, units } = ctx;
  const levels = [
    ['root', '全市', units.root],
    ['mid', '区', units.mid],
    ['branch', '支部', units.branch],
  ] as const;
  const datesOf = async () => judgeDates(await warningDaysOf(db, campaignId));
  const list = { campaignId, status: 'in_progress', sort: 'dueDate', page: 3, pageSize: 50 };
  return [
    ...levels.map(([key, name, unit]) => ({
      name: `dashboard-${key}`,
      label: `工作台统计（${name}）`,
      path: `/api/v1/dashboard?campaignId=${campaignId}&orgId=${unit.id}`,
      connections: 1,
      inProcess: async () => {
        const org = (await visibleOrg(db, actor.scope, unit.id))!;
        const children = await childUnits(db, actor.scope, org.id);
        return unitFigures(db, actor, campaignId, [org, ...children], await datesOf());
      },
      live: liveDashboard(db, campaignId, unit),
      target: nearLimit(0.8, 20),
    })),
    ...levels.map(([key, name, unit]) => ({
      name: `figures-${key}`,
      label: `整改统计（${name}）`,
      path: `/api/v1/problems/figures?campaignId=${campaignId}&orgId=${unit.id}`,
      connections: 1,
      inProcess: figuresOf(ctx, unit, maintainedFigures),
      live: figuresOf(ctx, unit, (db, campaignId, units, dates) => problemFigures(db, actor, campaignId, units, dates)),
      target: nearLimit(0.8),
    })),
    {
      name: 'problem-list',
      label: '问题清单（整改中，按时限，第 3 页）',
      path: `/api/v1/problems?campaignId=${campaignId}&status=in_progress&sort=dueDate&page=3&pageSize=50`,
      connections: 10,
      inProcess: async () => {
        const page = await listProblems(db, actor, list, await datesOf());
        const facts = await measureFactsOf(
          db,
          page.items.map((p) => p.id),
          actor.personId,
        );
        return { ...page, facts };
      },
      live: async () => {
        const dates = await datesOf();
        const filtered = problemQuery(db, actor, { campaignId, status: 'in_progress' }, dates);
        return problemPage(db, filtered, 'dueDate', 3, 50);
      },
      target: nearLimit(0.8),
    },
    {
      name: 'person-search',
      label: '人员查询（拼音首字母 zw）',
      path: '/api/v1/people?q=zw&pageSize=20',
      connections: 1,
      inProcess: () => peoplePage(peopleQuery(db, actor.scope, { q: 'zw' }), 1, 20),
      target: nearLimit(0.7, 20),
    },
    ...taskReadFigures(ctx),
    ...demandReadFigures(ctx),
  ];
}
