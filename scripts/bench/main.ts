/**
 * `npm run bench -- --scale small|city [--only name]`: builds (or reuses) a synthetic city, starts the real
 * server on loopback, drives it with autocannon and prints one table with, for each figure, the server's
 * latency and throughput next to the same SQL run in-process and a bare Fastify route returning the same rows.
 * SQLite by default; PostgreSQL when DATABASE_URL=postgres://…
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { dialectOf, openDatabase } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { BENCH_PASSWORD, generateCity, SCALES } from './generate.ts';
import { figures } from './figures.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const scale = SCALES[arg('scale', 'small')];
if (!scale) throw new Error('--scale 只能是 small 或 city');
const only = arg('only', '');
const seconds = Number(arg('seconds', scale.name === 'city' ? '10' : '3'));

const url = process.env.DATABASE_URL && dialectOf(process.env.DATABASE_URL) === 'postgres' ? process.env.DATABASE_URL : path.resolve('.bench', `${scale.name}.sqlite`);
fs.mkdirSync('.bench', { recursive: true });
const db = openDatabase(url);
await migrateToLatest(db);
const existing = await db.selectFrom('users').select('id').where('username', '=', 'bench-office').executeTakeFirst();
const t0 = Date.now();
const city = existing ? null : await generateCity(db, scale);
if (city) console.log(`生成合成城市：${city.units} 个单位、${city.people} 人、${city.problems} 个问题、${city.measures} 条措施，用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
const ids = await db
  .selectFrom('orgUnits')
  .select(['id', 'depth'])
  .orderBy('depth')
  .orderBy('id')
  .execute()
  .then((rows) => ({ rootId: rows[0].id, midId: rows.find((r) => r.depth === 1)!.id, branchId: rows[rows.length - 1].id }));
const campaignId = (await db.selectFrom('campaigns').select('id').orderBy('id').executeTakeFirstOrThrow()).id;

const app = await buildApp({ db, config: { ...loadConfig({}), databaseUrl: url } });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-office', password: BENCH_PASSWORD }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0];

const bare = Fastify();
const list = figures({ db, campaignId, ...ids }).filter((f) => !only || f.name === only);
for (const f of list) bare.get(`/bare/${f.name}`, async () => f.sql());
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

const drive = (target: string, connections: number, headers: Record<string, string> = {}) =>
  autocannon({ url: target, connections, duration: seconds, headers }) as unknown as Promise<autocannon.Result>;

async function inProcess(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end && times.length < 5000) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)] };
}

const rows: string[][] = [['指标', '并发', '服务 p50 ms', '服务 p95 ms', '服务 req/s', '进程内 SQL p50 ms', '裸 Fastify req/s', '服务/裸路由', '服务 RSS MB']];
for (const f of list) {
  const server = await drive(`${base}${f.url}`, f.connections, { cookie });
  const ref = await inProcess(f.sql);
  const bareRun = await drive(`${bareBase}/bare/${f.name}`, f.connections);
  rows.push([
    f.label,
    String(f.connections),
    server.latency.p50.toFixed(1),
    (server.latency as unknown as { p97_5: number }).p97_5.toFixed(1),
    server.requests.average.toFixed(0),
    ref.p50.toFixed(2),
    bareRun.requests.average.toFixed(0),
    (server.requests.average / Math.max(1, bareRun.requests.average)).toFixed(2),
    (process.memoryUsage().rss / 1024 / 1024).toFixed(0),
  ]);
  if (server.non2xx) console.warn(`${f.label}：${server.non2xx} 个非 2xx 响应`);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(`\n台账基准测试 · 规模 ${scale.name} · ${dialectOf(url) === 'postgres' ? 'PostgreSQL' : 'SQLite'} · ${new Date().toISOString().slice(0, 10)} · 每项 ${seconds} 秒（服务 p95 列为 autocannon 的 p97.5）`);
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join(' | '));
await app.close();
await bare.close();
await db.destroy();
