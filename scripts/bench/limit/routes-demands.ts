/**
 * The honest limit for 接诉即办's read figures, for the bench account (a whole-subtree grant): the 三率 from
 * the maintained tallies (one prepared statement over three covering index ranges, plus the few demands falling due in the current hour through
 * the due indexes) and a page of the 诉求台账 with its total from the tallies (the route's own column list, the
 * better of the two plans for the subtree's share), the
 * served side's pure presenter and formula. Anything else is 501.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../../src/server/auth/actor.ts';
import { coversSubtree } from '../../../src/server/db/scope.ts';
import { PageOf } from '../../../src/server/http/schemas.ts';
import { Demand, Figures, FiguresQuery, ListQuery } from '../../../src/server/modules/demands/schemas.ts';
import { presentDemand, presentFigures } from '../../../src/server/modules/demands/presenter.ts';
import type { DemandRow } from '../../../src/server/modules/demands/repository.ts';
import { demandColumns } from '../../../src/server/modules/demands/repository.ts';
import { DEFAULT_RATE_CONFIG, periodOf, ratesOf, type RateConfig } from '../../../src/server/modules/demands/rates.ts';
import { upperBound } from './queries.ts';
import type { LimitDb } from './sql.ts';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLUMNS = demandColumns.map((c) => `d.${snake(c.split('.')[1])} as "${c.split('.')[1]}"`).join(', ');

const UNIT = `select id, path from org_units where id = @unitId`;
const CONFIG = `select effective_from as "effectiveFrom", response_weight as "responseWeight",
  resolution_weight as "resolutionWeight", satisfaction_weight as "satisfactionWeight",
  basically_factor as "basicallyFactor", month_start_day as "monthStartDay", repeat_distance_m as "repeatDistanceM",
  repeat_window_days as "repeatWindowDays"
  from demand_rate_configs where campaign_id = @campaignId and effective_from <= @from
  order by effective_from desc, id desc limit 1`;
/** Three covering index ranges (migration 0054): received in the period, followed up in it, open past due. */
const TALLY = `select
  (select sum(n) from demand_tallies where org_id = @unitId and campaign_id = @campaignId
    and received_day >= @from and received_day <= @to) as received,
  v.valid, v.contacted, v.solved, v.satisfied, v.basically,
  (select sum(n) from demand_tallies where org_id = @unitId and campaign_id = @campaignId
    and status in ('dispatched', 'accepted') and due_hour < @hour) as overdue
  from (select sum(valid) as valid, sum(contacted) as contacted, sum(solved) as solved, sum(satisfied) as satisfied,
    sum(basically) as basically from demand_tallies where org_id = @unitId and campaign_id = @campaignId
    and visit_day >= @from and visit_day <= @to) v`;
/** Open demands whose stage fell due earlier this hour (the tallies count whole hours past). */
export const THIS_HOUR = `select count(*) as n from demands d where d.org_path >= @path and d.org_path < @upper
  and d.campaign_id = @campaignId and (
    (d.status = 'accepted' and d.due_at >= @start and d.due_at < @now)
    or (d.status = 'dispatched' and ((d.due_at >= @start and d.due_at < @now) or (d.accept_due_at >= @start and d.accept_due_at < @now))
        and coalesce(d.due_at, @start) >= @start and coalesce(d.accept_due_at, @start) >= @start))`;
/** The subtree range, with SQLite told its share (likelihood; a no-op function on PostgreSQL, migration 0033). */
const subtree = (p: number) => `((likelihood(d.org_path >= @path, ${p}) and likelihood(d.org_path < @upper, ${p}))
  or (d.org_path is null and likelihood(d.intake_path >= @path, ${p}) and likelihood(d.intake_path < @upper, ${p})))`;
const page = (p: number) =>
  `select ${COLUMNS} from demands d where ${subtree(p)} order by d.received_at desc, d.id desc limit @limit offset @offset`;
/** A big subtree: walk received_at newest first; a small one: read it by path and sort. */
const PAGE = { ordered: page(0.999), range: page(0.001) };
/** The subtree's and the whole city's totals, from the maintained tallies. */
const TOTALS = `select sum(case when org_id = @unitId then n else 0 end) as n,
  sum(case when org_id in (select id from org_units where parent_id is null) then n else 0 end) as "all"
  from demand_tallies where org_id = @unitId or org_id in (select id from org_units where parent_id is null)`;
/** The dashboard's 三率: a unit and its children in one go, each of the three covering index ranges grouped by unit. */
const UNIT_AND_CHILD_IDS = `t.org_id in (select id from org_units where id = @unitId or parent_id = @unitId)`;
const BOARD_RECEIVED = `select t.org_id as "orgId", sum(t.n) as n from demand_tallies t
  where ${UNIT_AND_CHILD_IDS} and t.campaign_id = @campaignId and t.received_day >= @from and t.received_day <= @to
  group by t.org_id`;
const BOARD_VISITS = `select t.org_id as "orgId", sum(t.valid) as valid, sum(t.contacted) as contacted,
  sum(t.solved) as solved, sum(t.satisfied) as satisfied, sum(t.basically) as basically from demand_tallies t
  where ${UNIT_AND_CHILD_IDS} and t.campaign_id = @campaignId and t.visit_day >= @from and t.visit_day <= @to
  group by t.org_id`;
const BOARD_OVERDUE = `select t.org_id as "orgId", sum(t.n) as n from demand_tallies t
  where ${UNIT_AND_CHILD_IDS} and t.campaign_id = @campaignId and t.status in ('dispatched', 'accepted')
  and t.due_hour < @hour group by t.org_id`;
/** THIS_HOUR's demands themselves (a few rows through the due indexes), to be matched to the units by path. */
const BOARD_THIS_HOUR = THIS_HOUR.replace('select count(*) as n', 'select d.org_path as "orgPath"');
const CATEGORIES = `select code, name from demand_categories`;
const UNIT_NAMES_SQLITE = `select id, name from org_units where id in (select value from json_each(@ids))`;
const UNIT_NAMES_PG = `select id, name from org_units where id = any(@ids)`;

/**
 * The dashboard's 接诉即办 figures for a unit and its children (each its subtree): GET /demands/figures over
 * the campaign's current assessment month, from the tallies (the caller sees the whole subtree).
 */
export async function demandBoardFigures(
  db: LimitDb,
  q: {
    campaignId: number;
    unit: { id: number; path: string };
    units: Array<{ id: number; path: string }>;
    today: string;
  },
) {
  const [current] = await db.all<RateConfig>(CONFIG, { campaignId: q.campaignId, from: q.today });
  const period = periodOf(q.today, (current ?? DEFAULT_RATE_CONFIG).monthStartDay);
  const now = new Date().toISOString();
  const params = { unitId: q.unit.id, campaignId: q.campaignId, ...period, hour: now.slice(0, 13) };
  const [[cfgRow], received, visits, overdue, thisHour] = await Promise.all([
    db.all<RateConfig>(CONFIG, { campaignId: q.campaignId, from: period.from }),
    db.all<Row>(BOARD_RECEIVED, params),
    db.all<Row>(BOARD_VISITS, params),
    db.all<Row>(BOARD_OVERDUE, params),
    db.all<{ orgPath: string }>(BOARD_THIS_HOUR, {
      path: q.unit.path,
      upper: upperBound(q.unit.path),
      campaignId: q.campaignId,
      start: `${now.slice(0, 13)}:00:00.000Z`,
      now,
    }),
  ]);
  const cfg = cfgRow ?? DEFAULT_RATE_CONFIG;
  const [r, v, o] = [received, visits, overdue].map((rows) => new Map(rows.map((x) => [num(x.orgId), x])));
  return new Map(
    q.units.map((u) => {
      const t = v.get(u.id);
      const counts = {
        valid: num(t?.valid),
        contacted: num(t?.contacted),
        solved: num(t?.solved),
        satisfied: num(t?.satisfied),
        basically: num(t?.basically),
      };
      const dueThisHour = thisHour.filter((d) => d.orgPath.startsWith(u.path)).length;
      const raw = { received: num(r.get(u.id)?.n), overdue: num(o.get(u.id)?.n) + dueThisHour, counts };
      return [u.id, presentFigures(raw, cfg, period, { campaignId: q.campaignId, orgId: u.id })] as const;
    }),
  );
}

export function demandLimitRoutes(
  app: FastifyInstance,
  db: LimitDb,
  actorOf: (req: FastifyRequest) => Promise<Actor>,
  refuse: (status: number, message: string) => Error,
) {
  const subtreeOf = async (actor: Actor, unitId: number | undefined) => {
    if (!unitId) throw refuse(501, '极限路由须指明单位');
    const [unit] = await db.all<{ id: number; path: string }>(UNIT, { unitId });
    if (!unit) throw refuse(404, '单位不存在');
    if (!coversSubtree(actor.scope, unit.path)) throw refuse(501, '极限路由只服务看得到整棵子树的账号');
    return unit;
  };

  app.get(
    '/api/v1/demands/figures',
    { schema: { querystring: FiguresQuery, response: { 200: Figures } } },
    async (req) => {
      const q = req.query as { campaignId?: number; orgId?: number; from?: string; to?: string };
      if (!q.campaignId || !q.from || !q.to) throw refuse(501, '极限路由须指明主题教育与期间');
      const unit = await subtreeOf(await actorOf(req), q.orgId);
      const now = new Date().toISOString();
      const [[t], [cfgRow], [hour]] = await Promise.all([
        db.all<Row>(TALLY, {
          unitId: unit.id,
          campaignId: q.campaignId,
          from: q.from,
          to: q.to,
          hour: now.slice(0, 13),
        }),
        db.all<RateConfig>(CONFIG, { campaignId: q.campaignId, from: q.from }),
        db.all<Row>(THIS_HOUR, {
          path: unit.path,
          upper: upperBound(unit.path),
          campaignId: q.campaignId,
          start: `${now.slice(0, 13)}:00:00.000Z`,
          now,
        }),
      ]);
      const cfg = cfgRow ?? DEFAULT_RATE_CONFIG;
      const counts = {
        valid: num(t?.valid),
        contacted: num(t?.contacted),
        solved: num(t?.solved),
        satisfied: num(t?.satisfied),
        basically: num(t?.basically),
      };
      const qs = (extra: string) => `/demands?campaignId=${q.campaignId}&orgId=${unit.id}&${extra}`;
      const visited = `visitedFrom=${q.from}&visitedTo=${q.to}`;
      return {
        from: q.from,
        to: q.to,
        received: num(t?.received),
        overdue: num(t?.overdue) + num(hour?.n),
        ...counts,
        ...ratesOf(counts, cfg),
        weights: {
          response: cfg.responseWeight,
          resolution: cfg.resolutionWeight,
          satisfaction: cfg.satisfactionWeight,
          basicallyFactor: cfg.basicallyFactor,
          effectiveFrom: cfg.effectiveFrom,
        },
        links: {
          received: qs(`receivedFrom=${q.from}&receivedTo=${q.to}`),
          valid: qs(`${visited}&visit=valid`),
          contacted: qs(`${visited}&visit=contacted`),
          solved: qs(`${visited}&visit=solved`),
          satisfied: qs(`${visited}&visit=satisfied`),
          basically: qs(`${visited}&visit=basically`),
          overdue: qs('overdue=true'),
        },
      };
    },
  );

  app.get('/api/v1/demands', { schema: { querystring: ListQuery, response: { 200: PageOf(Demand) } } }, async (req) => {
    const {
      page = 1,
      pageSize = 20,
      orgId,
      ...rest
    } = req.query as { page?: number; pageSize?: number; orgId?: number };
    if (Object.keys(rest).length) throw refuse(501, '极限路由只回答按单位筛选的清单');
    const actor = await actorOf(req);
    const unit = await subtreeOf(actor, orgId);
    const params = { path: unit.path, upper: upperBound(unit.path) };
    const [[count], cats] = await Promise.all([
      db.all<Row>(TOTALS, { unitId: unit.id }),
      db.all<{ code: string; name: string }>(CATEGORIES),
    ]);
    const share = num(count?.all) ? num(count?.n) / num(count?.all) : 1;
    const plan = share > 0 && (page * pageSize) / share < num(count?.n) ? 'ordered' : 'range';
    const rows = await db.all<DemandRow>(PAGE[plan], { ...params, limit: pageSize, offset: (page - 1) * pageSize });
    const ids = [...new Set(rows.flatMap((r) => [r.orgId, r.intakeOrgId]).filter((i): i is number => i !== null))];
    const names = ids.length
      ? await db.all<{ id: number; name: string }>(db.dialect === 'postgres' ? UNIT_NAMES_PG : UNIT_NAMES_SQLITE, {
          ids: db.dialect === 'postgres' ? ids : JSON.stringify(ids),
        })
      : [];
    const lookups = {
      units: new Map(names.map((n) => [num(n.id), n.name])),
      categories: new Map(cats.map((c) => [c.code, c.name])),
    };
    const now = new Date().toISOString();
    return {
      items: rows.map((r) => presentDemand(actor, r, lookups, now)),
      total: num(count?.n),
      page,
      pageSize,
    };
  });
}
