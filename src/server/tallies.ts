/**
 * Start-up check of the maintained figures: rows written around the sync (the demo loader, a benchmark
 * city, a database from before migration 0030) are counted by one rebuild per stale tally.
 */
import type { Db } from './db/connection.ts';
import { pruneTallies, rebuildTally, tallyIsStale } from './db/subtree-tally.ts';
import { TALLY_TABLES } from './db/tally-tables.ts';
import { problemTally } from './modules/problems/public.ts';
import { meetingCountsStale, meetingTally, rebuildMeetingCounts, studyTally } from './modules/study/public.ts';
import { demandTally } from './modules/demands/public.ts';
import { rebuildTaskTally, TASK_TALLY, taskTallyIsStale } from './modules/tasks/public.ts';

export const TALLY_SOURCES = [problemTally, studyTally, demandTally];
/** Every table of maintained figures whose rows can count down to zero. */
const PRUNED = [...TALLY_TABLES, TASK_TALLY];

export async function ensureTallies(db: Db): Promise<void> {
  for (const src of TALLY_SOURCES) {
    if (await tallyIsStale(db, src)) await db.transaction().execute((trx) => rebuildTally(trx, src));
  }
  // The 三会一课 tally counts units by their meeting counts: rebuilt after them.
  const countsStale = await meetingCountsStale(db);
  if (countsStale) await db.transaction().execute((trx) => rebuildMeetingCounts(trx));
  if (countsStale || (await tallyIsStale(db, meetingTally)))
    await db.transaction().execute((trx) => rebuildTally(trx, meetingTally));
  if (await taskTallyIsStale(db)) await db.transaction().execute((trx) => rebuildTaskTally(trx));
  await pruneTallies(db, PRUNED);
}

/** Writers leave tally rows that counted down to zero; they are pruned at start-up and then hourly. */
export function pruneTalliesHourly(db: Db, log: { warn(message: string): void }): () => void {
  const prune = () =>
    pruneTallies(db, PRUNED).catch((error: Error) =>
      log.warn(`清理统计表中的零计数行失败（下个小时重试）：${error.message}`),
    );
  const timer = setInterval(() => void prune(), 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
