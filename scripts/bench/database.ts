/**
 * The benchmark's data: a city generated once and cached (a SQLite file under the bench directory, or the
 * PostgreSQL database DATABASE_URL names), and a fresh copy of it for every run — a file copy, or
 * `CREATE DATABASE … TEMPLATE` — so every run measures the same rows even though transitions and the
 * import write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { dialectOf, openDatabase, type Db, type DialectName } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { BENCH_USER, generateCity, markerOf } from './generate.ts';
import { GENERATOR_VERSION, type Scale } from './scales.ts';

export interface RunDatabase {
  url: string;
  dialect: DialectName;
  /** What generation printed, when this run had to build the city. */
  generated: string | null;
}

type State = 'ready' | 'empty' | 'foreign';

async function stateOf(db: Db, scale: Scale): Promise<State> {
  const user = await db.selectFrom('users').select('displayName').where('username', '=', BENCH_USER).executeTakeFirst();
  if (user) return user.displayName === markerOf(scale) ? 'ready' : 'foreign';
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return any ? 'foreign' : 'empty';
}

async function build(db: Db, scale: Scale): Promise<string> {
  await migrateToLatest(db);
  const t0 = performance.now();
  const city = await generateCity(db, scale);
  const seconds = (performance.now() - t0) / 1000;
  return `生成合成城市（${scale.name}）：${city.units} 个单位、${city.people} 人、${city.problems} 个问题、${city.measures} 条措施、${city.sessions} 次学习、${city.attendance} 条考勤、${city.makeups} 个补学事项、${city.tasks} 项重点任务、${city.milestones} 个节点、${city.demands} 件群众诉求，用时 ${seconds.toFixed(1)} 秒`;
}

function removeSqlite(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

async function prepareSqlite(scale: Scale, dir: string): Promise<RunDatabase> {
  fs.mkdirSync(dir, { recursive: true });
  const cache = path.join(dir, `${scale.name}-v${GENERATOR_VERSION}.sqlite`);
  let generated: string | null = null;
  if (!fs.existsSync(cache)) {
    // Built under another name and renamed at the end, so an interrupted build is never taken for a city.
    const building = `${cache}.building`;
    removeSqlite(building);
    const db = openDatabase(building);
    try {
      generated = await build(db, scale);
    } finally {
      await db.destroy();
    }
    fs.renameSync(building, cache);
  }
  const run = path.join(dir, `${scale.name}-run.sqlite`);
  removeSqlite(run);
  fs.copyFileSync(cache, run);
  return { url: run, dialect: 'sqlite', generated };
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function preparePostgres(scale: Scale, url: string): Promise<RunDatabase> {
  const cacheName = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!cacheName)
    throw new Error('DATABASE_URL 须指明数据库名，例如 postgres://postgres@127.0.0.1:5432/taizhang_bench');
  let generated: string | null = null;
  const db = openDatabase(url, { poolSize: 2 });
  try {
    await migrateToLatest(db);
    const state = await stateOf(db, scale);
    if (state === 'foreign')
      throw new Error(
        `数据库“${cacheName}”中已有其他数据（或其他规模的合成城市）：请为 ${scale.name} 规模另建一个空库`,
      );
    if (state === 'empty') {
      generated = await build(db, scale);
      // Statistics, as autovacuum would gather them on a live database; without them fresh bulk-loaded
      // tables get nested-loop plans no real deployment sees. Copies made from this template keep them.
      await sql`analyze`.execute(db);
    }
  } finally {
    await db.destroy();
  }
  const runName = `${cacheName}_run`;
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${runName}" with (force)`);
    await admin.query(`create database "${runName}" template "${cacheName}"`);
  } finally {
    await admin.end();
  }
  return { url: withDatabase(url, runName), dialect: 'postgres', generated };
}

/** The cached city (built when missing) and a fresh copy of it for this run. */
export function prepareRunDatabase(scale: Scale, databaseUrl: string | undefined, dir: string): Promise<RunDatabase> {
  return databaseUrl && dialectOf(databaseUrl) === 'postgres'
    ? preparePostgres(scale, databaseUrl)
    : prepareSqlite(scale, dir);
}
