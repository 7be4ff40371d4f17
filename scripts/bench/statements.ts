/**
 * `node scripts/bench/statements.ts --scale small|city`: how many SQL statements the server runs per request
 * for each figure of the benchmark, on the last run's copy of the city (requests injected into the app in
 * this process; better-sqlite3's statement calls counted). A count does not depend on how busy the machine is.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/connection.ts';
import { ensureTallies } from '../../src/server/tallies.ts';
import { BENCH_PASSWORD, BENCH_USER } from './generate.ts';
import { GENERATOR_VERSION, SCALES } from './scales.ts';

const i = process.argv.indexOf('--scale');
const scale = SCALES[i >= 0 ? process.argv[i + 1] : 'small'];
const dir = path.resolve(process.env.BENCH_DIR || '.bench');
const file = path.join(dir, `statements-${scale.name}.sqlite`);
fs.copyFileSync(path.join(dir, `${scale.name}-v${GENERATOR_VERSION}.sqlite`), file);

let count = 0;
/** `--sql`: print each statement's text as it runs (the statements of one request, in order). */
const printSql = process.argv.includes('--sql');
const probe = new SQLite(':memory:').prepare('select 1');
const proto = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => unknown>;
for (const method of ['all', 'get', 'run', 'iterate']) {
  const original = proto[method];
  proto[method] = function (this: unknown, ...args: unknown[]) {
    count++;
    if (printSql) console.log(`  ${(this as { source: string }).source.replace(/\s+/g, ' ').slice(0, 220)}`);
    return original.apply(this, args);
  };
}

const db = openDatabase(file);
await ensureTallies(db);
const app = await buildApp({ db, config: loadConfig({ ...process.env, DATABASE_URL: file }) });
try {
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username: BENCH_USER, password: BENCH_PASSWORD },
  });
  const cookie = login.headers['set-cookie']!.toString().split(';')[0];
  const campaignId = (await db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow()).id;
  const units = await db.selectFrom('orgUnits').select(['id', 'depth']).orderBy('depth').orderBy('id').execute();
  const root = units[0].id;
  const ready = await db
    .selectFrom('problems')
    .select(['id', 'version'])
    .where('status', '=', 'in_progress')
    .where((eb) => eb.exists(eb.selectFrom('problemEvidence').select('id').whereRef('problemId', '=', 'problems.id')))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('problemMeasures')
            .select('id')
            .whereRef('problemId', '=', 'problems.id')
            .where('status', '=', 'open'),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  const requests: Array<[string, string, string, unknown?]> = [
    ['工作台统计（全市）', 'GET', `/api/v1/dashboard?campaignId=${campaignId}&orgId=${root}`],
    ['整改统计（全市）', 'GET', `/api/v1/problems/figures?campaignId=${campaignId}&orgId=${root}`],
    [
      '问题清单（第 3 页）',
      'GET',
      `/api/v1/problems?campaignId=${campaignId}&status=in_progress&sort=dueDate&page=3&pageSize=50`,
    ],
    ['人员查询 zw', 'GET', '/api/v1/people?q=zw&pageSize=20'],
    [
      '申请销号',
      'POST',
      `/api/v1/problems/${ready.id}/transitions`,
      { action: 'submit', version: ready.version, effect: '整改措施全部完成' },
    ],
    [
      '退回',
      'POST',
      `/api/v1/problems/${ready.id}/transitions`,
      { action: 'reject', version: ready.version + 1, reason: '佐证材料不够充分' },
    ],
  ];
  for (const [label, method, url, payload] of requests) {
    // Twice: the first of a kind may fill the moment's caches (session, warning days) — the second is the steady state.
    for (const round of ['first', 'steady']) {
      const before = count;
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: { cookie },
        ...(payload ? { payload: payload as object } : {}),
      });
      if (res.statusCode !== 200) throw new Error(`${label}: HTTP ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (round === 'steady' || method === 'POST') console.log(`${label}: ${count - before} 条 SQL 语句`);
      if (method === 'POST') break;
    }
  }
} finally {
  await app.close();
  await db.destroy();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
