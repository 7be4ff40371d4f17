/**
 * The honest limit's routes: the same paths, query schemas and response schemas as the served API, answering
 * the bench account with the statements of queries.ts and the served side's own pure presenters. It serves
 * only callers whose grant covers the subtree asked for (the bench account's office role); anything else is
 * 501, so it can never pass for the general route.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../../src/server/auth/actor.ts';
import { hashSecret } from '../../../src/server/auth/tokens.ts';
import { SESSION_COOKIE } from '../../../src/server/auth/sessions.ts';
import { coversSubtree, unitIdOfPath } from '../../../src/server/db/scope.ts';
import { PageOf } from '../../../src/server/http/schemas.ts';
import { DashboardQuery, DashboardView } from '../../../src/server/modules/dashboard/schemas.ts';
import { PeopleListQuery } from '../../../src/server/modules/people/schemas.ts';
import { presentPerson } from '../../../src/server/modules/people/presenter.ts';
import type { PersonRow } from '../../../src/server/modules/people/repository.ts';
import { FIGURES, type FigureKey } from '../../../src/server/modules/problems/figures.ts';
import { judgeDates, presentListItem } from '../../../src/server/modules/problems/presenter.ts';
import type { ProblemRow } from '../../../src/server/modules/problems/repository.ts';
import {
  FiguresQuery,
  ProblemFiguresView,
  ProblemListQuery,
  ProblemListItemView,
} from '../../../src/server/modules/problems/schemas.ts';
import { latinQuery } from '../../../src/server/lib/pinyin.ts';
import { DEFAULT_TASK_THRESHOLDS } from '../../../src/shared/task-enums.ts';
import { PROBLEM_COLOURS, PROBLEM_STATUSES } from '../../../src/shared/problem-enums.ts';
import { Person } from '../../../src/shared/views/people.ts';
import type { ProblemSummary, StudySummary } from '../../../src/shared/dashboard.ts';
import * as Q from './queries.ts';
import { demandBoardFigures, demandLimitRoutes } from './routes-demands.ts';
import type { LimitDb } from './sql.ts';
import { calendarOverridesOf, taskLimitRoutes } from './routes-tasks.ts';
import { idsParam, taskTallyFigures } from './queries-tasks.ts';
import { staleBefore } from '../../../src/server/modules/tasks/schedule.ts';
import { assessmentLimitRoutes } from './routes-assessments.ts';

export class Refusal extends Error {
  readonly statusCode: number;
  constructor(statusCode: number, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

type Unit = { id: number; name: string; path: string; active: number; parentId: number | null };
type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

const STATUS_KEYS = Object.keys(PROBLEM_STATUSES);
const COLOUR_KEYS = Object.keys(PROBLEM_COLOURS);

function toProblemSummary(r: Row | undefined): ProblemSummary {
  const counts = (prefix: string, keys: string[]) => Object.fromEntries(keys.map((k) => [k, num(r?.[prefix + k])]));
  return {
    total: num(r?.total),
    closed: num(r?.closed),
    cleared: num(r?.cleared),
    onTime: num(r?.onTime),
    overdue: num(r?.overdue),
    escalated: num(r?.escalated),
    byStatus: counts('status.', STATUS_KEYS) as ProblemSummary['byStatus'],
    byColour: counts('colour.', COLOUR_KEYS) as ProblemSummary['byColour'],
  };
}

function toStudySummary(r: Row | undefined): StudySummary {
  const [sessions, attendees, present, uncovered] = [r?.sessions, r?.attendees, r?.present, r?.uncovered].map(num);
  return {
    sessions,
    attendanceRate: attendees ? present / attendees : 0,
    coverage: sessions ? (sessions - uncovered) / sessions : 0,
    uncoveredSessions: uncovered,
    openMakeups: num(r?.openMakeups),
  };
}

const byOrg = (rows: Row[]) => new Map(rows.map((r) => [num(r.orgId), r]));

export function limitRoutes(app: FastifyInstance, db: LimitDb, actors: Map<number, Actor>) {
  const actorOf = async (req: FastifyRequest): Promise<Actor> => {
    const secret = req.cookies[SESSION_COOKIE];
    const [session] = secret
      ? await db.all<{ userId: number; expiresAt: string }>(Q.SESSION, { hash: hashSecret(secret) })
      : [];
    if (!session || Date.parse(session.expiresAt) <= Date.now()) throw new Refusal(401, '未登录');
    const actor = actors.get(session.userId);
    if (!actor) throw new Refusal(501, '极限路由只服务基准账号');
    return actor;
  };
  const campaignOf = async (campaignId: number | undefined) => {
    if (!campaignId) throw new Refusal(501, '极限路由须指明主题教育');
    const [c] = await db.all<{ warningDays: number; staleDays: number | null }>(Q.CAMPAIGN, { campaignId });
    return {
      dates: judgeDates(c?.warningDays ?? 7),
      staleDays: Number(c?.staleDays ?? DEFAULT_TASK_THRESHOLDS.staleDays),
    };
  };
  /** The unit and its children; only for a caller who sees the unit's whole subtree. */
  const unitOf = async (actor: Actor, unitId: number | undefined) => {
    if (!unitId) throw new Refusal(501, '极限路由须指明单位');
    const [unit, ...children] = await db.all<Unit>(Q.UNIT_AND_CHILDREN, { unitId });
    if (!unit || unit.id !== unitId) throw new Refusal(404, '单位不存在');
    if (!coversSubtree(actor.scope, unit.path)) throw new Refusal(501, '极限路由只服务看得到整棵子树的账号');
    return { unit, children };
  };
  assessmentLimitRoutes(app, db, actorOf);
  app.setErrorHandler((error: Error & { statusCode?: number }, _req, reply) => {
    const status = error instanceof Refusal ? error.statusCode : (error.statusCode ?? 500);
    void reply.status(status).send({ title: error.message, status });
  });

  app.get(
    '/api/v1/dashboard',
    { schema: { querystring: DashboardQuery, response: { 200: DashboardView } } },
    async (req) => {
      const query = req.query as { campaignId?: number; orgId?: number };
      const actor = await actorOf(req);
      const { dates, staleDays } = await campaignOf(query.campaignId);
      const { unit, children } = await unitOf(actor, query.orgId);
      const params = { campaignId: query.campaignId, unitId: unit.id, ...dates };
      // 未更新 counts working days (tasks/schedule.ts), so the cutoff needs the calendar's corrections.
      const calendar = await calendarOverridesOf(db);
      const stale = staleBefore(dates.today, { ...DEFAULT_TASK_THRESHOLDS, staleDays, calendar });
      const counted = [unit, ...children.filter((c) => c.active === 1)];
      const [problems, study, tasks, demands] = await Promise.all([
        db.all<Row>(Q.PROBLEM_SUMMARIES, params),
        db.all<Row>(Q.STUDY_SUMMARIES, { campaignId: query.campaignId, unitId: unit.id }),
        db.all<Row>(taskTallyFigures(db, false), {
          campaignId: query.campaignId,
          ids: idsParam(
            db,
            counted.map((u) => u.id),
          ),
          today: dates.today,
          staleBefore: stale,
        }),
        demandBoardFigures(db, { campaignId: query.campaignId!, unit, units: counted, today: dates.today }),
      ]);
      const [p, s, t] = [byOrg(problems), byOrg(study), byOrg(tasks)];
      const figuresOf = (u: Unit) => ({
        problems: toProblemSummary(p.get(u.id)),
        study: toStudySummary(s.get(u.id)),
        tasks: Object.fromEntries(
          ['total', 'done', 'onTrack', 'behind', 'notStarted', 'stale', 'red', 'yellow'].map((k) => [
            k,
            num(t.get(u.id)?.[k]),
          ]),
        ),
        demands: demands.get(u.id),
      });
      return {
        unit: { id: unit.id, name: unit.name },
        campaignId: query.campaignId ?? null,
        asOf: dates.today,
        ...figuresOf(unit),
        children: children
          .filter((c) => c.active === 1)
          .map((c) => ({ orgId: c.id, orgName: c.name, ...figuresOf(c) })),
      };
    },
  );

  app.get(
    '/api/v1/problems/figures',
    { schema: { querystring: FiguresQuery, response: { 200: ProblemFiguresView } } },
    async (req) => {
      const query = req.query as { campaignId?: number; orgId?: number };
      const actor = await actorOf(req);
      const { dates } = await campaignOf(query.campaignId);
      const { unit, children } = await unitOf(actor, query.orgId);
      const summaries = byOrg(
        await db.all<Row>(Q.PROBLEM_SUMMARIES, { campaignId: query.campaignId, unitId: unit.id, ...dates }),
      );
      const keys = Object.keys(FIGURES) as FigureKey[];
      const figuresOf = (id: number) => {
        const s = toProblemSummary(summaries.get(id));
        return Object.fromEntries(keys.map((k) => [k, s[k]])) as Record<FigureKey, number>;
      };
      const subtree = figuresOf(unit.id);
      const childFigures = children.map((c) => figuresOf(c.id));
      const own = Object.fromEntries(
        keys.map((k) => [k, subtree[k] - childFigures.reduce((sum, f) => sum + f[k], 0)]),
      ) as Record<FigureKey, number>;
      const rows = [
        { orgId: unit.id, orgName: `${unit.name}（本级）`, own: true, figures: own },
        ...children
          .map((c, i) => ({ c, figures: childFigures[i] }))
          .filter(({ c }) => c.active === 1)
          .map(({ c, figures }) => ({ orgId: c.id, orgName: c.name, own: false, figures })),
      ];
      return {
        unit: { id: unit.id, name: unit.name },
        figures: Object.entries(FIGURES).map(([key, f]) => ({ key, label: f.label, filter: f.filter })),
        rows: rows.filter((r) => r.own === false || r.figures.total > 0),
        total: { orgId: unit.id, orgName: unit.name, own: false, figures: subtree },
      };
    },
  );

  app.get(
    '/api/v1/problems',
    { schema: { querystring: ProblemListQuery, response: { 200: PageOf(ProblemListItemView) } } },
    async (req) => {
      const {
        page = 1,
        pageSize = 20,
        sort = 'dueDate',
        ...query
      } = req.query as Record<string, unknown> & {
        campaignId?: number;
        status?: string;
        page?: number;
        pageSize?: number;
        sort?: string;
      };
      const extra = Object.keys(query).filter((k) => !['campaignId', 'status'].includes(k));
      if (sort !== 'dueDate' || !query.status || extra.length)
        throw new Refusal(501, '极限路由只回答按时限排序、按状态筛选的清单');
      const actor = await actorOf(req);
      const { dates } = await campaignOf(query.campaignId);
      if (actor.scope.subtreePaths.length !== 1 || actor.scope.unitPaths.length || actor.personId !== null)
        throw new Refusal(501, '极限路由只服务看得到整棵子树的账号');
      const root = actor.scope.subtreePaths[0];
      const filter = { campaignId: query.campaignId, status: query.status };
      const [[{ n: total }], items] = await Promise.all([
        db.all<{ n: number }>(Q.LIST_TOTAL, { ...filter, unitId: unitIdOfPath(root) }),
        db.all<ProblemRow & { open: number; done: number }>(Q.listPage(db), {
          ...filter,
          lo: root,
          hi: Q.upperBound(root),
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
      ]);
      return {
        items: items.map((p) => presentListItem(actor, p, dates, { open: p.open, done: p.done, owns: false })),
        total: Number(total),
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/v1/people',
    { schema: { querystring: PeopleListQuery, response: { 200: PageOf(Person) } } },
    async (req) => {
      const { page = 1, pageSize = 20, q, ...rest } = req.query as { q?: string; page?: number; pageSize?: number };
      const latin = q ? latinQuery(q) : null;
      if (!latin || Object.keys(rest).length) throw new Refusal(501, '极限路由只回答拼音查询');
      const actor = await actorOf(req);
      if (actor.scope.subtreePaths.length !== 1 || actor.scope.unitPaths.length)
        throw new Refusal(501, '极限路由只服务看得到整棵子树的账号');
      const root = actor.scope.subtreePaths[0];
      const params = { lo: root, hi: Q.upperBound(root), q: latin, qEnd: `${latin}{` };
      const [items, [{ total }]] = await Promise.all([
        db.all<PersonRow>(Q.PEOPLE_PAGE, { ...params, limit: pageSize, offset: (page - 1) * pageSize }),
        db.all<{ total: number }>(Q.PEOPLE_TOTAL, params),
      ]);
      return { items: items.map((p) => presentPerson(actor, p)), total: Number(total), page, pageSize };
    },
  );

  taskLimitRoutes(app, db, {
    actorOf,
    unitOf,
    refuse: (status, message) => {
      throw new Refusal(status, message);
    },
  });
  demandLimitRoutes(app, db, actorOf, (status, message) => new Refusal(status, message));
}
