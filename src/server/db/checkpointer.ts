/**
 * The WAL checkpointer of a SQLite database, run in a worker thread (db/connection.ts starts it for the
 * server's connection). A checkpoint copies the write-ahead log back into the database file and syncs it to
 * disk; left to SQLite it runs inside whichever commit crosses the threshold, on the one thread that serves
 * every request — about half of a commit's cost on average under a stream of transitions, and a stall of tens
 * of milliseconds for the unlucky one. Here a second connection checkpoints PASSIVE (never waiting for or
 * blocking a writer or reader) every `intervalMs`; the serving connection keeps a high automatic threshold as
 * a backstop should this thread fall behind.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new SQLite(file);
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 0');

const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another checkpoint, a schema change): the next tick tries again.
  }
}, intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
