/** What every figure of one run shares: the server under test, the same data opened in-process, and the bounds. */
import type { Actor } from '../../src/server/auth/actor.ts';
import type { Db } from '../../src/server/db/connection.ts';
import type { Bounds } from './load.ts';
import type { Scale } from './scales.ts';
import type { ServerProcess } from './server-process.ts';

export interface UnitRef {
  id: number;
  path: string;
}

export interface BenchCtx {
  scale: Scale;
  /** The run's database opened in the benchmark process (the in-process references and the checks). */
  db: Db;
  /** The bench account as the server sees it, for running the same queries in-process. */
  actor: Actor;
  campaignId: number;
  units: { root: UnitRef; mid: UnitRef; branch: UnitRef };
  server: ServerProcess;
  /** The honest limit (limit/server.ts) on the same database, a process of its own. */
  limit: ServerProcess;
  /** Rounds each read figure alternates server and limit. */
  rounds: number;
  cookie: string;
  bounds: Bounds;
  /** Where the benchmark keeps its files (the cached city, the generated import file). */
  dir: string;
  /** Lines printed under the table: what a figure checked or could not do. */
  notes: string[];
}
