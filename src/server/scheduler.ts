/**
 * Scheduled work of every app node (croner: cron expressions evaluated in Asia/Shanghai, no overlap of a
 * job with itself). Each job is safe to run on several nodes at once: reminders are claimed per item,
 * step and recipient in the sending transaction; a robot's outbox is drained by whichever node holds
 * its lease.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import { addDays, nowIso, today } from './clock.ts';
import { runReminders, reminderSources } from './modules/reminders/public.ts';
import { drainRobots, pruneMessages, robotKey } from './modules/notifications/public.ts';
import { BURST_MS, releaseAfterBurst } from './lib/memory-release.ts';

interface Log {
  info(obj: object, message: string): void;
  warn(message: string): void;
}

const ZONE = 'Asia/Shanghai';

/** Starts the jobs; the returned function stops them (at shutdown). */
export function startScheduler(db: Db, config: Config, log: Log): () => void {
  const node = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const guard = (name: string, job: () => Promise<unknown>) => async () => {
    const started = performance.now();
    try {
      await job();
    } catch (error) {
      log.warn(`定时任务“${name}”失败（下次按计划重试）：${error instanceof Error ? error.message : String(error)}`);
    }
    // The reminders over a city's problems (run at start-up in working hours) grow the heap as an export does.
    if (performance.now() - started >= BURST_MS) releaseAfterBurst();
  };
  const reminders = guard('时限提醒', async () => {
    const r = await runReminders(db, { today: today(), sources: reminderSources });
    if (r.sent) log.info(r, '时限提醒已发送');
  });
  const robots = guard('群机器人推送', () =>
    drainRobots(db, { key: robotKey(config), publicUrl: config.publicUrl, node }),
  );
  const prune = guard('清理过期消息', () =>
    pruneMessages(db, `${addDays(today(), -config.messageDays)}T00:00:00.000Z`),
  );
  const jobs = [
    // Working hours only (quiet hours respected): every hour from 09:00 to 17:00; a node started later catches up.
    new Cron('0 9-17 * * *', { timezone: ZONE, protect: true, name: 'reminders' }, reminders),
    new Cron('*/20 * * * * *', { timezone: ZONE, protect: true, name: 'robots' }, robots),
    new Cron('30 3 * * *', { timezone: ZONE, protect: true, name: 'prune-messages' }, prune),
  ];
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', timeZone: ZONE }).format(new Date()));
  if (hour >= 9 && hour < 18) void reminders();
  log.info({ node, at: nowIso() }, '定时任务已启动');
  return () => {
    for (const j of jobs) j.stop();
  };
}
