/**
 * 接诉即办's figures: the 三率 of the city and of a district (maintained tallies; the live column counts the
 * same answer over the demands), a district's 诉求台账 page, public intake per second (photos off) and the
 * repeat check on intake (in-process, with its query plan).
 */
import { CompiledQuery } from 'kysely';
import { addDays, nowIso, today } from '../../src/server/clock.ts';
import { dialectOfDb } from '../../src/server/db/connection.ts';
import { fetchPage } from '../../src/server/db/page.ts';
import { demandFigures, liveCounts } from '../../src/server/modules/demands/figures.ts';
import { demandColumns, demandQuery, repeatCandidateQuery } from '../../src/server/modules/demands/repository.ts';
import { presentDemands } from '../../src/server/modules/demands/list-rows.ts';
import { demandListTally } from '../../src/server/modules/demands/list-plan.ts';
import { findRepeat } from '../../src/server/modules/demands/intake.ts';
import { DEFAULT_RATE_CONFIG } from '../../src/server/modules/demands/rates.ts';
import { neighbourCells, cellOf, ringsFor } from '../../src/server/modules/demands/repeats.ts';
import type autocannon from 'autocannon';
import type { BenchCtx, UnitRef } from './context.ts';
import type { ReadFigure, Target } from './figures.ts';
import { CITY_BOX } from './generate-demands.ts';
import { drive, loop } from './load.ts';
import { codesOf } from './run-read.ts';
import { cpuSeconds, peakRssDuring } from './server-process.ts';
import { ms, perSecond, verdict, type Row } from './table.ts';

/** The period the 三率 figures ask for: the last 90 days. */
export const demandPeriod = () => ({ from: addDays(today(), -89), to: today() });

const target = (share: number, p95?: number): Target => ({
  text: `${p95 ? `p95 ≤ ${p95} ms，` : ''}≥ ${share}×极限`,
  met: (served, ratio) =>
    served.failures === 0 &&
    (p95 === undefined || served.p95 <= p95) &&
    ratio.throughput >= share &&
    ratio.cpu >= share,
});

export function demandReadFigures(ctx: BenchCtx): ReadFigure[] {
  const { db, actor, campaignId, units } = ctx;
  const p = demandPeriod();
  const rates = (key: string, name: string, unit: UnitRef): ReadFigure => ({
    name: `demand-rates-${key}`,
    label: `三率（${name}，近 90 天）`,
    path: `/api/v1/demands/figures?campaignId=${campaignId}&orgId=${unit.id}&from=${p.from}&to=${p.to}`,
    connections: 1,
    inProcess: () =>
      demandFigures(db, actor, { campaignId, orgPath: unit.path, orgId: unit.id, period: p, now: nowIso() }),
    live: () => liveCounts(db, actor, { campaignId, orgPath: unit.path, now: nowIso() }, p),
    target: target(0.5, 20),
  });
  const list = { orgPath: units.mid.path, now: '' };
  return [
    rates('root', '全市', units.root),
    rates('mid', '区', units.mid),
    {
      name: 'demand-list',
      label: '群众诉求清单（区，第 3 页）',
      path: `/api/v1/demands?orgId=${units.mid.id}&page=3&pageSize=50`,
      connections: 10,
      inProcess: async () => {
        const filter = { ...list, now: nowIso() };
        const tallied = await demandListTally(db, actor, filter, 3, 50);
        const page = await fetchPage(
          demandQuery(db, actor, { ...filter, plan: tallied?.plan }),
          (qb) => qb.select(demandColumns).orderBy('demands.receivedAt', 'desc').orderBy('demands.id', 'desc'),
          3,
          50,
          tallied?.total,
        );
        return { ...page, items: await presentDemands(db, actor, page.items) };
      },
      target: target(0.5),
    },
  ];
}

const INTAKE_CONNECTIONS = 10;
const INTAKE_TARGET = 300;

const intakeCount = async (ctx: BenchCtx) =>
  Number(
    (
      await ctx.db
        .selectFrom('demands')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('channel', '=', 'public_page')
        .where('phone', 'like', '159%')
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * POST /api/v1/public/demands from many citizens (a phone number each, so the per-phone limit never bites;
 * the per-address allowance raised by TAIZHANG_PUBLIC_RATE_SCALE, as the benchmark's server runs with): every
 * request a full intake — the phone check, the repeat check, the insert, the history, the audit and the tallies.
 */
export async function runPublicIntake(ctx: BenchCtx): Promise<Row> {
  const cats = await ctx.db.selectFrom('demandCategories').select('code').where('active', '=', 1).execute();
  let n = 0;
  const body = () => {
    const i = n++;
    const lat = CITY_BOX.lat[0] + ((i * 7919) % 10007) * ((CITY_BOX.lat[1] - CITY_BOX.lat[0]) / 10007);
    const long = CITY_BOX.long[0] + ((i * 104729) % 10009) * ((CITY_BOX.long[1] - CITY_BOX.long[0]) / 10009);
    return JSON.stringify({
      category: cats[i % cats.length].code,
      description: `基准留言第 ${i + 1} 件：楼道灯坏了很久没人修`,
      address: `留言路 ${i % 500} 号`,
      lat,
      long,
      name: '基准群众',
      phone: `159${String(i).padStart(8, '0')}`,
    });
  };
  const before = await intakeCount(ctx);
  let firstError = '';
  const requests = [
    {
      method: 'POST',
      setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }),
      onResponse: (status: number, text: string) => {
        if (status !== 201) firstError ||= `${status} ${text.slice(0, 300)}`;
      },
    },
  ] as unknown as autocannon.Request[];
  const cpu0 = cpuSeconds(ctx.server.pid);
  const { result: served, peakMb } = await peakRssDuring(ctx.server.pid, () =>
    drive(
      `${ctx.server.base}/api/v1/public/demands`,
      INTAKE_CONNECTIONS,
      ctx.bounds,
      { 'content-type': 'application/json' },
      requests,
    ),
  );
  const cpuMs = ((cpuSeconds(ctx.server.pid) - cpu0) * 1000) / Math.max(1, served.count);
  let stored = (await intakeCount(ctx)) - before;
  for (let tries = 0; tries < 20; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = (await intakeCount(ctx)) - before;
    if (again === stored) break;
    stored = again;
  }
  const accepted = served.count - served.failures;
  // Requests still in flight when the load generator stopped are stored too: at most one per connection.
  const consistent = stored >= accepted && stored <= accepted + INTAKE_CONNECTIONS;
  ctx.notes.push(
    `群众留言：计时内受理 ${accepted} 件，库中新增 ${stored} 件${consistent ? `（其余 ${stored - accepted} 件为停止时在途的请求）` : '（不一致！）'}`,
  );
  if (served.failures)
    ctx.notes.push(`群众留言：${served.failures} 个失败响应（${codesOf(served)}），首个：${firstError}`);
  return {
    label: '群众留言受理（公开页，无照片）',
    connections: INTAKE_CONNECTIONS,
    count: served.count,
    p50: ms(served.p50),
    p95: ms(served.p95),
    throughput: perSecond(served.perSecond),
    cpu: `${cpuMs.toFixed(2)} / —`,
    rssMb: Math.round(peakMb),
    target: `≥ ${INTAKE_TARGET}/s`,
    verdict: verdict(served.failures === 0 && consistent && served.perSecond >= INTAKE_TARGET),
  };
}

/**
 * The repeat check intake runs (findRepeat): random places and categories over the city, in-process, p95;
 * and its plan, which must read the demands_repeat index (category, cell, received_at), never scan.
 */
export async function runRepeatCheck(ctx: BenchCtx): Promise<Row> {
  const cats = await ctx.db.selectFrom('demandCategories').select('code').where('active', '=', 1).execute();
  const cfg = DEFAULT_RATE_CONFIG;
  const now = nowIso();
  const place = (i: number) => ({
    category: cats[i % cats.length].code,
    lat: CITY_BOX.lat[0] + ((i * 7907) % 9973) * ((CITY_BOX.lat[1] - CITY_BOX.lat[0]) / 9973),
    long: CITY_BOX.long[0] + ((i * 6007) % 9967) * ((CITY_BOX.long[1] - CITY_BOX.long[0]) / 9967),
    address: '',
  });
  let found = 0;
  const t = await loop(1, { ...ctx.bounds, seconds: Math.min(ctx.bounds.seconds, 5) }, async (_w, i) => {
    if (await findRepeat(ctx.db, place(i), cfg, now)) found++;
    return 200;
  });
  const sample = place(1);
  const compiled = repeatCandidateQuery(ctx.db, {
    category: sample.category,
    cells: neighbourCells(cellOf(sample.lat, sample.long)!, ringsFor(cfg.repeatDistanceM)),
    address: '',
    since: new Date(Date.now() - (cfg.repeatWindowDays + 90) * 86_400_000).toISOString(),
    closedSince: new Date(Date.now() - cfg.repeatWindowDays * 86_400_000).toISOString(),
    limit: 20,
  }).compile();
  const postgres = dialectOfDb(ctx.db) === 'postgres';
  const plan = await ctx.db.executeQuery(
    CompiledQuery.raw(`${postgres ? 'explain (costs off) ' : 'explain query plan '}${compiled.sql}`, [
      ...compiled.parameters,
    ]),
  );
  const text = plan.rows
    .map((r) =>
      Object.values(r as object)
        .filter((v) => typeof v === 'string')
        .join(' '),
    )
    .join('；');
  const indexed = text.includes('demands_repeat');
  ctx.notes.push(`重复诉求核查：${t.count} 次，${found} 次找到附近同类诉求；查询计划：${text}`);
  return {
    label: '重复诉求核查（受理时，同类 + 网格）',
    connections: 1,
    count: t.count,
    p50: ms(t.p50),
    p95: ms(t.p95),
    throughput: perSecond(t.perSecond),
    inProcess: ms(t.p50),
    target: 'p95 ≤ 10 ms，走 demands_repeat 索引',
    verdict: verdict(t.failures === 0 && t.p95 <= 10 && indexed),
  };
}
