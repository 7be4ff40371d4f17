/**
 * `npm run bench -- --scale tiny|small|city [--only a,b] [--seconds N] [--max-requests N] [--dir D]`:
 * builds (or reuses) a synthetic city, copies it for this run, starts the real server as a child process on
 * loopback next to the honest limit (limit/server.ts, the same answers the fastest correct way, a process of
 * its own), checks that both give the same JSON, drives them in alternating rounds with autocannon and prints
 * one table: throughput, latency, CPU per request and the server's peak RSS for each figure.
 * SQLite by default; PostgreSQL when DATABASE_URL=postgres://…
 */
import os from 'node:os';
import path from 'node:path';
import { loadActor } from '../../src/server/auth/actor.ts';
import { openDatabase } from '../../src/server/db/connection.ts';
import type { BenchCtx, UnitRef } from './context.ts';
import { prepareRunDatabase } from './database.ts';
import { readFigures } from './figures.ts';
import { BENCH_PASSWORD, BENCH_USER } from './generate.ts';
import { runExport, runImport } from './ledger-figures.ts';
import { runImportPreview } from './import-preview.ts';
import { runReadFigure } from './run-read.ts';
import { SCALES } from './scales.ts';
import { LIMIT_MAIN, rssMb, startServer, type ServerProcess } from './server-process.ts';
import { checkSameAnswers } from './same-answer.ts';
import { renderTable, type Row } from './table.ts';
import { runTransitions } from './transitions.ts';
import { runPublicIntake, runRepeatCheck } from './figures-demands.ts';
import { assessmentReadFigures, runAssessmentScoring } from './figures-assessments.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const scale = SCALES[arg('scale', 'small')];
if (!scale) throw new Error(`--scale 只能是 ${Object.keys(SCALES).join('、')}`);
const only = arg('only', '').split(',').filter(Boolean);
const bounds = {
  seconds: Number(arg('seconds', String(scale.seconds))),
  maxRequests: Number(arg('max-requests', '50000')),
};
const rounds = Number(arg('rounds', scale.name === 'tiny' ? '1' : '3'));
const dir = path.resolve(arg('dir', process.env.BENCH_DIR || '.bench'));
const wanted = (name: string) => !only.length || only.includes(name);

// The public page's per-address allowance, raised for the one loopback address the load comes from.
process.env.TAIZHANG_PUBLIC_RATE_SCALE ??= '1000000';
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
const loadBefore = load();
const run = await prepareRunDatabase(scale, process.env.DATABASE_URL, dir);
if (run.generated) console.log(run.generated);
const server = await startServer(run.url, path.join(dir, 'data'));
console.log(`被测服务（pid ${server.pid}）启动用时 ${server.startSeconds.toFixed(1)} 秒（含迁移与启动时的统计重建）`);
const db = openDatabase(run.url, { poolSize: 4 });
let limit: ServerProcess | undefined;
try {
  limit = await startServer(run.url, path.join(dir, 'data'), LIMIT_MAIN);
  const unitRows = await db
    .selectFrom('orgUnits')
    .select(['id', 'path', 'depth'])
    .orderBy('depth')
    .orderBy('id')
    .execute();
  const unit = (depth: number): UnitRef => unitRows.find((u) => u.depth === depth)!;
  const user = await db.selectFrom('users').select('id').where('username', '=', BENCH_USER).executeTakeFirstOrThrow();
  const login = await fetch(`${server.base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  if (!login.ok) throw new Error(`登录失败：HTTP ${login.status} ${await login.text()}`);
  const ctx: BenchCtx = {
    scale,
    db,
    actor: (await loadActor(db, user.id))!,
    campaignId: (await db.selectFrom('campaigns').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
    units: { root: unit(0), mid: unit(1), branch: unit(scale.fanout.length) },
    server,
    limit,
    rounds,
    cookie: login.headers.get('set-cookie')!.split(';')[0],
    bounds,
    dir,
    notes: [],
  };

  const reads = [...readFigures(ctx), ...(await assessmentReadFigures(ctx))].filter((f) => wanted(f.name));
  ctx.notes.push(await checkSameAnswers(ctx, reads));

  const rows: Row[] = [];
  for (const f of reads) rows.push(await runReadFigure(ctx, f));
  if (wanted('assessment-scoring')) rows.push(await runAssessmentScoring(ctx));
  // Writers last, in this order: transitions and the export measure the generated city, the import adds to it.
  if (wanted('transitions')) rows.push(await runTransitions(ctx));
  if (wanted('export')) rows.push(await runExport(ctx));
  if (wanted('import')) rows.push(await runImport(ctx));
  if (wanted('import-preview')) rows.push(...(await runImportPreview(ctx)));
  if (wanted('demand-repeat-check')) rows.push(await runRepeatCheck(ctx));
  if (wanted('public-intake')) rows.push(await runPublicIntake(ctx));

  // The whole run in one server process: its highest RSS, and what it holds once the load has stopped.
  const idleSeconds = Number(arg('idle-seconds', scale.name === 'tiny' ? '0' : '30'));
  const endRss = rssMb(server.pid);
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  ctx.notes.push(
    `服务进程 RSS：全程峰值 ${Math.round(Math.max(...rows.map((r) => r.rssMb ?? 0)))} MB，负载结束时 ${Math.round(endRss)} MB，空闲 ${idleSeconds} 秒后 ${Math.round(rssMb(server.pid))} MB`,
  );
  ctx.notes.push(
    `负载均值（1/5/15 分钟）：开始 ${loadBefore}，结束 ${load()}；本机 ${os.cpus().length} 核、${Math.round(os.totalmem() / 2 ** 30)} GB`,
  );
  const counts = `${unitRows.length} 个单位、${scale.people} 人、${scale.problems} 个问题、${scale.demands} 件诉求`;
  console.log(
    `\n台账基准测试 · 规模 ${scale.name}（${counts}）· ${run.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} · ${new Date().toISOString().slice(0, 10)} · 每项 ${rounds} 轮、每轮至多 ${bounds.seconds} 秒、${bounds.maxRequests} 次请求\n`,
  );
  console.log(renderTable(rows));
  if (ctx.notes.length) console.log(`\n${ctx.notes.map((n) => `- ${n}`).join('\n')}`);
} finally {
  await limit?.stop();
  await db.destroy();
  await server.stop();
}
