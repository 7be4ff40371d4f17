/**
 * The honest limit of 推动发展 and 预警: the same paths and schemas as the served routes, answering the bench
 * account (a whole-subtree grant) with the statements of queries-tasks.ts and the module's own pure
 * presenters and link builders. Anything the statements do not cover is 501, so the limit never passes for
 * the general route.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../../src/server/auth/actor.ts';
import { addDays, nowIso, today } from '../../../src/server/clock.ts';
import { unitIdOfPath } from '../../../src/server/db/scope.ts';
import { PageOf } from '../../../src/server/http/schemas.ts';
import { lastWeekEnd, presentTask, presentWeek, subjectOf } from '../../../src/server/modules/tasks/presenter.ts';
import type { TaskRow, TaskUnitRow } from '../../../src/server/modules/tasks/repository.ts';
import { Figures, FiguresQuery, TaskListQuery, TaskView } from '../../../src/server/modules/tasks/schemas.ts';
import { WARNING_KINDS } from '../../../src/server/modules/warnings/kinds.ts';
import { WarningsQuery, WarningsView } from '../../../src/server/modules/warnings/schemas.ts';
import { DEFAULT_TASK_THRESHOLDS, type TaskThresholds } from '../../../src/shared/task-enums.ts';
import { staleBefore } from '../../../src/server/modules/tasks/schedule.ts';
import { quarterSoFar } from '../../../src/server/modules/study/meetings-behind.ts';
import type { CalendarOverrides } from '../../../src/server/lib/working-days.ts';
import { weekOf } from '../../../src/shared/iso-week.ts';
import * as Q from './queries-tasks.ts';
import { THIS_HOUR } from './routes-demands.ts';
import { countMeetingsBehind } from '../../../src/server/modules/study/meeting-tally.ts';
import { upperBound } from './queries.ts';
import type { LimitDb } from './sql.ts';

type Unit = { id: number; name: string; path: string };
type Row = Record<string, unknown>;
/** The status history row in force at the end of last week (all null when the task did not exist yet). */
type LastWeekColumns = { lwDone: unknown; lwStartDate: unknown; lwBehindFrom: unknown };
const num = (v: unknown) => Number(v ?? 0);
const FIGURE_KEYS = ['total', 'done', 'onTrack', 'behind', 'notStarted', 'stale', 'red', 'yellow'] as const;

export interface LimitHelpers {
  actorOf(req: FastifyRequest): Promise<Actor>;
  unitOf(actor: Actor, unitId: number | undefined): Promise<{ unit: Unit; children: Unit[] }>;
  refuse(status: number, message: string): never;
}

/** The calendar page's corrections, as the working-day cutoffs (未更新) take them. */
export async function calendarOverridesOf(db: LimitDb): Promise<CalendarOverrides> {
  const rows = await db.all<{ date: string; kind: 'workday' | 'holiday' }>(Q.CALENDAR);
  return new Map(rows.map((r) => [r.date, r.kind] as const));
}

export function taskLimitRoutes(app: FastifyInstance, db: LimitDb, { actorOf, unitOf, refuse }: LimitHelpers) {
  const calendarOf = () => calendarOverridesOf(db);
  const settingsOf = async (campaignId: number | undefined) => {
    if (!campaignId) refuse(501, '极限路由须指明主题教育');
    const [[s], calendar] = await Promise.all([db.all<Row>(Q.TASK_SETTINGS, { campaignId }), calendarOf()]);
    if (!s) refuse(501, '极限路由须指明存在的主题教育');
    const thresholds: TaskThresholds =
      s.tolerance === null
        ? DEFAULT_TASK_THRESHOLDS
        : {
            tolerance: num(s.tolerance),
            yellowGap: num(s.yellowGap),
            redGap: num(s.redGap),
            staleDays: num(s.staleDays),
          };
    return { thresholds: { ...thresholds, calendar }, campaignPath: String(s.campaignPath) };
  };
  /** The one grant's subtree, for a caller whose visibility is exactly that. */
  const grantOf = (actor: Actor) => {
    if (actor.scope.all || actor.scope.subtreePaths.length !== 1 || actor.scope.unitPaths.length || actor.personId)
      refuse(501, '极限路由只服务看得到整棵子树的账号');
    const root = actor.scope.subtreePaths[0];
    return { glo: root, ghi: upperBound(root) };
  };

  app.get(
    '/api/v1/tasks/figures',
    { schema: { querystring: FiguresQuery, response: { 200: Figures } } },
    async (req) => {
      const { campaignId, orgId, topLevel, ...rest } = req.query as {
        campaignId?: number;
        orgId?: number;
        topLevel?: boolean;
      };
      if (Object.keys(rest).length) refuse(501, '极限路由不回答此筛选');
      const actor = await actorOf(req);
      const { thresholds } = await settingsOf(campaignId);
      const { unit } = await unitOf(actor, orgId);
      const day = today();
      const [r] = await db.all<Row>(Q.taskTallyFigures(db, !!topLevel), {
        campaignId,
        ids: Q.idsParam(db, [unit.id]),
        today: day,
        staleBefore: staleBefore(day, thresholds),
      });
      return Object.fromEntries(FIGURE_KEYS.map((k) => [k, num(r?.[k])]));
    },
  );

  app.get(
    '/api/v1/tasks',
    { schema: { querystring: TaskListQuery, response: { 200: PageOf(TaskView) } } },
    async (req) => {
      const {
        page = 1,
        pageSize = 20,
        campaignId,
        topLevel,
        ...rest
      } = req.query as { page?: number; pageSize?: number; campaignId?: number; topLevel?: boolean };
      if (Object.keys(rest).length) refuse(501, '极限路由只回答不带单位与状态筛选的清单');
      const actor = await actorOf(req);
      const grant = grantOf(actor);
      const { thresholds, campaignPath } = await settingsOf(campaignId);
      const day = today();
      const params = { campaignId, ...grant };
      const [[{ n: total }], rows] = await Promise.all([
        db.all<{ n: number }>(Q.taskListTotal(!!topLevel), params),
        db.all<TaskRow & LastWeekColumns & { split: unknown; planned: unknown; reported: unknown }>(
          Q.taskListPage(!!topLevel),
          {
            ...params,
            week: weekOf(day),
            lastWeekEnd: lastWeekEnd(day),
            limit: pageSize,
            offset: (page - 1) * pageSize,
          },
        ),
      ]);
      const ids = rows.map((r) => r.id);
      const units = ids.length ? await db.all<TaskUnitRow>(Q.taskUnitsOf(db), { ids: Q.idsParam(db, ids) }) : [];
      const items = rows.map(({ split, planned, reported, lwDone, lwStartDate, lwBehindFrom, ...row }) => {
        const own = units.filter((u) => u.taskId === row.id);
        const shape = {
          hasChildren: !!Number(split) || split === true,
          hasMilestones: !!Number(planned) || planned === true,
        };
        const subject = subjectOf(row, own, campaignPath, shape);
        return {
          ...presentTask(actor, row, own, { today: day, thresholds, subject }),
          ...presentWeek(day, {
            reported: !!Number(reported) || reported === true,
            split: shape.hasChildren,
            done: Number(row.done) === 1,
            lastWeek:
              lwDone === null
                ? undefined
                : { done: Number(lwDone), startDate: String(lwStartDate), behindFrom: String(lwBehindFrom) },
          }),
        };
      });
      return { items, total: Number(total), page, pageSize };
    },
  );

  /** 三会一课 behind from the maintained rows, as the served kind reads them; live only for a clock set back. */
  const meetingsBehind = async (unitId: number, day: string, shortfall: number, live: () => Promise<number>) => {
    const [rows, requirements] = await Promise.all([
      db.all<{ orgType: string; quarter: string; held: string; n: number }>(Q.W_MEETING_ROWS, { unitId }),
      db.all<{ orgType: string; kind: string; perQuarter: number }>(Q.W_MEETING_REQUIREMENTS, {}),
    ]);
    return countMeetingsBehind(rows, requirements, day, shortfall) ?? live();
  };
  /** 超时诉求: whole hours past from the demand tally, plus those fallen due earlier this hour. */
  const demandsOverdue = async (campaignId: number | undefined, unit: { id: number; path: string }, now: string) => {
    const [[past], [hour]] = await Promise.all([
      db.all<Row>(Q.W_DEMAND_OVERDUE, { unitId: unit.id, campaignId, hour: now.slice(0, 13) }),
      db.all<Row>(THIS_HOUR, {
        path: unit.path,
        upper: upperBound(unit.path),
        campaignId,
        start: `${now.slice(0, 13)}:00:00.000Z`,
        now,
      }),
    ]);
    return num(past?.n) + num(hour?.n);
  };

  app.get(
    '/api/v1/warnings',
    { schema: { querystring: WarningsQuery, response: { 200: WarningsView } } },
    async (req) => {
      const { campaignId, orgId, ...rest } = req.query as { campaignId?: number; orgId?: number };
      if (Object.keys(rest).length) refuse(501, '极限路由只回答一个单位的全部预警');
      const actor = await actorOf(req);
      const { unit } = await unitOf(actor, orgId);
      const [[s], overrides, calendar] = await Promise.all([
        db.all<Row>(Q.TASK_SETTINGS, { campaignId }),
        db.all<{ key: string; value: number }>(Q.WARNING_THRESHOLDS, { campaignId }),
        calendarOf(),
      ]);
      if (!s) refuse(501, '极限路由须指明存在的主题教育');
      const thresholds: Record<string, number> = {};
      for (const k of WARNING_KINDS) for (const t of k.thresholds ?? []) thresholds[t.key] = t.default;
      for (const o of overrides) if (o.key in thresholds) thresholds[o.key] = Number(o.value);
      const day = today();
      // As judgeDates (problems/presenter.ts) and the kinds' own filters compute them.
      const staleDays = s.staleDays === null ? DEFAULT_TASK_THRESHOLDS.staleDays : num(s.staleDays);
      const range = { campaignId, lo: unit.path, hi: upperBound(unit.path) };
      const one = async (sql: string, params: Row) => num((await db.all<Row>(sql, params))[0]?.n);
      const submittedBefore = addDays(day, -(thresholds['problems.acceptDays'] ?? 5));
      const quarter = quarterSoFar(day);
      const [overdue, waiting, uncovered, idle, meetings, leaders, [tasks], demands] = await Promise.all([
        one(Q.W_PROBLEM_OVERDUE, { campaignId, unitId: unitIdOfPath(unit.path), today: day }),
        one(Q.W_PROBLEM_WAITING, { ...range, submittedBefore: `${addDays(submittedBefore, -1)}T16:00:00.000Z` }),
        one(Q.W_STUDY_UNCOVERED, {
          campaignId,
          unitId: unitIdOfPath(unit.path),
          to: addDays(day, -(thresholds['study.makeupDays'] ?? 14)),
        }),
        one(Q.W_STUDY_IDLE, { ...range, today: day, since: addDays(day, -(thresholds['study.idleDays'] ?? 30)) }),
        meetingsBehind(unit.id, day, thresholds['study.meetingsShortfall'] ?? 1, () =>
          one(Q.W_MEETINGS_BEHIND, {
            lo: range.lo,
            hi: range.hi,
            quarter: `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`,
            elapsed: quarter.elapsed,
            length: quarter.length,
            shortfall: thresholds['study.meetingsShortfall'] ?? 1,
          }),
        ),
        one(Q.W_LEADERS_NO_REPORT, { ...range, minReports: thresholds['research.minReports'] ?? 1 }),
        db.all<Row>(Q.taskTallyFigures(db, false), {
          campaignId,
          ids: Q.idsParam(db, [unit.id]),
          today: day,
          staleBefore: staleBefore(day, { ...DEFAULT_TASK_THRESHOLDS, staleDays, calendar }),
        }),
        demandsOverdue(campaignId, unit, nowIso()),
      ]);
      const counts: Record<string, number> = {
        problem_overdue: overdue,
        problem_waiting_acceptance: waiting,
        study_uncovered: uncovered,
        study_idle_units: idle,
        study_meetings_behind: meetings,
        research_leaders_without_report: leaders,
        task_behind: num(tasks?.behind),
        task_stale: num(tasks?.stale),
        demand_overdue: demands,
      };
      const scope = { campaignId, orgId: unit.id, orgPath: unit.path, today: day, thresholds };
      return {
        asOf: day,
        items: WARNING_KINDS.map((k) => {
          if (!(k.kind in counts)) refuse(501, `极限路由不认识预警“${k.kind}”`);
          return {
            kind: k.kind,
            label: k.label,
            line: k.line,
            orgId: unit.id,
            orgName: unit.name,
            count: counts[k.kind],
            link: k.link(scope),
            api: k.api(scope),
          };
        }),
      };
    },
  );
}
