/**
 * 三率 and the other figures for a subtree and period, counted in SQL from the stored raw follow-up counts
 * through the list query itself (demandQuery), so every figure equals the total of the list it opens.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { addDays } from '../../clock.ts';
import { demandQuery, type DemandFilter } from './repository.ts';
import {
  configFor,
  DEFAULT_RATE_CONFIG,
  periodOf,
  rankScores,
  ratesOf,
  type RateConfig,
  type RawCounts,
} from './rates.ts';
import { childUnits, figuresUnit } from '../orgs/public.ts';
import { nowIso, today } from '../../clock.ts';
import { rateConfigs } from './repository.ts';
import { coversSubtree, unitIdOfPath } from '../../db/scope.ts';
import { talliedCounts } from './tally.ts';
import { presentFigures, type DemandFiguresView } from './presenter.ts';

/** The first instant of a Shanghai date. */
export const startOfDay = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

export interface Period {
  from: string;
  to: string;
}

/** The campaign's configuration in force for a period (versioned: later changes leave closed periods alone). */
export async function configForPeriod(db: Kysely<Database>, campaignId: number | undefined, from: string) {
  if (!campaignId) return DEFAULT_RATE_CONFIG;
  return configFor<RateConfig>(await rateConfigs(db, campaignId), from, DEFAULT_RATE_CONFIG);
}

/** The period asked for, or the current assessment month of the campaign's configuration. */
export async function resolvePeriod(
  db: Kysely<Database>,
  campaignId: number | undefined,
  today: string,
  from?: string,
  to?: string,
): Promise<Period> {
  if (from && to) return { from, to };
  const cfg = await configForPeriod(db, campaignId, today);
  const p = periodOf(today, cfg.monthStartDay);
  return { from: from ?? p.from, to: to ?? p.to };
}

const n = (v: unknown) => Number(v ?? 0);

/** Whether the maintained tallies answer for this filter: a whole subtree the caller sees, by campaign at most. */
export function tallyAnswers(actor: Actor, f: DemandFilter): f is DemandFilter & { orgPath: string } {
  const used = Object.entries(f).filter(([k, v]) => k !== 'now' && v !== undefined && v !== '');
  return (
    !!f.orgPath && used.every(([k]) => k === 'campaignId' || k === 'orgPath') && coversSubtree(actor.scope, f.orgPath)
  );
}

/** The raw counts of a subtree and period: from the tallies where they answer, else counted through the list query. */
export async function rawCounts(db: Kysely<Database>, actor: Actor, f: DemandFilter, period: Period) {
  if (tallyAnswers(actor, f)) {
    const id = unitIdOfPath(f.orgPath);
    const counts = await talliedCounts(db, {
      campaignId: f.campaignId,
      units: [{ id, path: f.orgPath }],
      ...period,
      now: f.now,
    });
    return counts.get(id)!;
  }
  return liveCounts(db, actor, f, period);
}

/** The same counts over the demands themselves, through the list query (what every figure opens). */
export async function liveCounts(db: Kysely<Database>, actor: Actor, f: DemandFilter, period: Period) {
  const fromI = startOfDay(period.from);
  const toI = startOfDay(addDays(period.to, 1));
  const base = (extra: Partial<DemandFilter>) => demandQuery(db, actor, { ...f, ...extra });
  const [received, visits, overdue] = await Promise.all([
    base({ receivedFrom: fromI, receivedTo: toI })
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base({ visitedFrom: fromI, visitedTo: toI, visit: 'valid' })
      .select((eb) => [
        eb.fn.countAll<number>().as('valid'),
        eb.fn.sum<number>('demands.contacted').as('contacted'),
        eb.fn.sum<number>('demands.solved').as('solved'),
        eb.fn.sum<number>(sql`case when demands.satisfaction = 'satisfied' then 1 else 0 end`).as('satisfied'),
        eb.fn.sum<number>(sql`case when demands.satisfaction = 'basically' then 1 else 0 end`).as('basically'),
      ])
      .executeTakeFirstOrThrow(),
    base({ overdue: true })
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const counts: RawCounts = {
    valid: n(visits.valid),
    contacted: n(visits.contacted),
    solved: n(visits.solved),
    satisfied: n(visits.satisfied),
    basically: n(visits.basically),
  };
  return { received: n(received.n), overdue: n(overdue.n), counts };
}

/** `{received, responseRate, resolutionRate, satisfactionRate, overdue}` plus the raw counts, the score and links. */
export async function demandFigures(
  db: Kysely<Database>,
  actor: Actor,
  q: { campaignId?: number; orgPath?: string; orgId: number; period: Period; now: string },
) {
  const f: DemandFilter = { campaignId: q.campaignId, orgPath: q.orgPath, now: q.now };
  const [raw, cfg] = await Promise.all([
    rawCounts(db, actor, f, q.period),
    configForPeriod(db, q.campaignId, q.period.from),
  ]);
  return presentFigures(raw, cfg, q.period, q);
}

/**
 * GET /demands/figures for each of these units (each its subtree) over the current assessment month of the
 * campaign's configuration — what the route answers without from/to. One read of the tallies for the units
 * whose whole subtree the caller sees; any other counted live through the list query.
 */
export async function unitsDemandFigures(
  db: Kysely<Database>,
  actor: Actor,
  q: { campaignId?: number; units: Array<{ id: number; path: string }>; today: string; now: string },
): Promise<Map<number, DemandFiguresView>> {
  // One read of the campaign's configurations for both resolvePeriod's month and configForPeriod's weights.
  const configs = q.campaignId ? await rateConfigs(db, q.campaignId) : [];
  const period = periodOf(q.today, configFor<RateConfig>(configs, q.today, DEFAULT_RATE_CONFIG).monthStartDay);
  const cfg = configFor<RateConfig>(configs, period.from, DEFAULT_RATE_CONFIG);
  const maintained = q.units.filter((u) => coversSubtree(actor.scope, u.path));
  const tallied = await talliedCounts(db, { campaignId: q.campaignId, units: maintained, ...period, now: q.now });
  const rows = await Promise.all(
    q.units.map(async (u) => {
      const raw =
        tallied.get(u.id) ??
        (await liveCounts(db, actor, { campaignId: q.campaignId, orgPath: u.path, now: q.now }, period));
      return [u.id, presentFigures(raw, cfg, period, { campaignId: q.campaignId, orgId: u.id })] as const;
    }),
  );
  return new Map(rows);
}

/** High-frequency places: the same category in one cell, at least `min` times in the window, most first. */
export function hotspots(db: Kysely<Database>, actor: Actor, f: DemandFilter, since: string, min: number) {
  return demandQuery(db, actor, { ...f, receivedFrom: since })
    .where('demands.cell', 'is not', null)
    .select((eb) => [
      'demands.category',
      'demands.cell',
      eb.fn.countAll<number>().as('count'),
      eb.fn.max('demands.address').as('address'),
      eb.fn.max('demands.receivedAt').as('lastAt'),
    ])
    .groupBy(['demands.category', 'demands.cell'])
    .having((eb) => eb.fn.countAll(), '>=', min)
    .orderBy(sql`count(*)`, 'desc')
    .limit(50)
    .execute();
}

/**
 * The monthly ranking of a unit's children (a peer group): each child's 三率 and score for the period, tied
 * scores sharing a rank, units without data unranked. From the tallies when the caller sees the whole subtree.
 */
export async function unitRanking(
  db: Kysely<Database>,
  actor: Actor,
  q: { campaignId?: number; orgId?: number; from?: string; to?: string },
) {
  const unit = await figuresUnit(db, actor.scope, q.orgId);
  const period = await resolvePeriod(db, q.campaignId, today(), q.from, q.to);
  const cfg = await configForPeriod(db, q.campaignId, period.from);
  const now = nowIso();
  const children = (await childUnits(db, actor.scope, unit.id)).slice(0, 200);
  // One read of the tallies for every child when the caller sees them whole; else each counted live.
  const tallied = coversSubtree(actor.scope, unit.path)
    ? await talliedCounts(db, { campaignId: q.campaignId, units: children, ...period, now })
    : undefined;
  const rows = await Promise.all(
    children.map(async (c) => {
      const raw =
        tallied?.get(c.id) ?? (await rawCounts(db, actor, { campaignId: q.campaignId, orgPath: c.path, now }, period));
      return {
        orgId: c.id,
        name: c.name,
        received: raw.received,
        valid: raw.counts.valid,
        overdue: raw.overdue,
        ...ratesOf(raw.counts, cfg),
      };
    }),
  );
  return { ...period, unitName: unit.name, items: rankScores(rows) };
}
