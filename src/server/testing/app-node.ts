/**
 * One app node for the multi-process tests: a separate Node process that opens the database by URL and does
 * what the scheduler of a real node does on a tick — the day's reminder run, then robot outbox passes until
 * nothing it may send is left. It waits for "go" on stdin (so the test can start several nodes at the same
 * instant), reports each committed recipient on stdout ("recipient <id>", so a test can kill it mid-run) and
 * ends with one JSON line of what it did.
 *
 *   node src/server/testing/app-node.ts <database-url> <today> <node-name>
 *   env: TAIZHANG_SECRET_KEY (shared by all nodes), APP_NODE_PAUSE_MS (a pause after each recipient, so that
 *   concurrent runs interleave)
 */
import { openDatabase } from '../db/connection.ts';
import { loadConfig } from '../config.ts';
import { runReminders, reminderSources } from '../modules/reminders/public.ts';
import { drainRobots, robotKey } from '../modules/notifications/public.ts';

const [url, today, node] = process.argv.slice(2);
if (!url || !today || !node) {
  console.error('usage: app-node.ts <database-url> <today> <node-name>');
  process.exit(2);
}
const pause = Number(process.env.APP_NODE_PAUSE_MS ?? 0);
const config = loadConfig(process.env);
const db = openDatabase(url, { poolSize: 4 });

process.stdout.write('ready\n');
await new Promise<void>((resolve) => {
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    if (chunk.includes('go')) resolve();
  });
});
const startedAt = Date.now();
const reminders = await runReminders(db, {
  today,
  sources: reminderSources,
  afterRecipient: async (userId) => {
    process.stdout.write(`recipient ${userId}\n`);
    if (pause) await new Promise((r) => setTimeout(r, pause));
  },
});
const remindersDoneAt = Date.now();
let robotsSent = 0;
// Another node may hold a robot's lease for a while: pass again until this node sees nothing left to send.
for (let pass = 0; pass < 100; pass++) {
  const r = await drainRobots(db, { key: robotKey(config), publicUrl: config.publicUrl, node });
  robotsSent += r.sent;
  const left = await db
    .selectFrom('webhookDeliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  if (Number(left.n) === 0) break;
  await new Promise((r) => setTimeout(r, 50));
}
process.stdout.write(`${JSON.stringify({ node, ...reminders, robotsSent, startedAt, remindersDoneAt })}\n`);
await db.destroy();
process.stdin.destroy();
