import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';
import type { AnyKysely } from './untyped.ts';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

// pg returns bigint/numeric as strings; our ids and counts fit comfortably in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Tells which database a URL points at. */
export function dialectOf(url: string): DialectName {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

function sqlitePath(url: string): string {
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length).replace(/^\/\//, '') : url;
  return file;
}

/** The automatic checkpoint threshold (pages) while the background checkpointer runs: only a backstop. */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

/** Starts db/checkpointer.ts for `file`; returns how to stop it. */
function startCheckpointer(file: string): () => void {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const worker = new Worker(new URL(`./checkpointer${ext}`, import.meta.url), {
    workerData: { file, intervalMs: 200 },
  });
  worker.unref();
  worker.on('error', (error) => console.warn(`SQLite 后台检查点线程出错：${error.message}`));
  return () => worker.postMessage('stop');
}

/**
 * Opens a Kysely instance for a SQLite path or a postgres:// URL. `backgroundCheckpoints` (the server's own
 * connection) moves SQLite's WAL checkpoints to a worker thread (db/checkpointer.ts).
 */
export function openDatabase(url: string, options: { poolSize?: number; backgroundCheckpoints?: boolean } = {}): Db {
  const plugins = [new CamelCasePlugin()];
  if (dialectOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not take the process down; the
    // pool replaces it on the next query.
    pool.on('error', (error) => console.warn(`PostgreSQL 空闲连接断开：${error.message}`));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  }
  const file = sqlitePath(url);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  let stop: (() => void) | undefined;
  if (options.backgroundCheckpoints && file !== ':memory:') {
    database.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
    stop = startCheckpointer(path.resolve(file));
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database, 1000, stop) }),
    plugins,
  });
}

/** The dialect a live Kysely instance talks to. */
export function dialectOfDb(db: AnyKysely): DialectName {
  const adapter = db.getExecutor().adapter;
  return adapter.constructor.name.toLowerCase().includes('postgres') ? 'postgres' : 'sqlite';
}

/** Whether the database answers (the health check). */
export async function databaseAnswers(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
