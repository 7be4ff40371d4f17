import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso, today } from '../../clock.ts';
import type { TaskThresholds } from '../../../shared/task-enums.ts';
import { leafSchedule, parentSchedule, statusAt, type Curve, type Schedule } from './schedule.ts';
import { currentStatusRecord, recordStatus, thresholdsOf } from './repository.ts';
import { syncTaskTallies } from './tally.ts';

const asSchedule = (r: {
  done: number;
  progress: number;
  startDate: string;
  planCurve: string;
  behindFrom: string;
  yellowFrom: string;
  redFrom: string;
}): Schedule => ({
  done: r.done === 1,
  progress: Number(r.progress),
  startDate: r.startDate,
  curve: JSON.parse(r.planCurve) as Curve,
  behindFrom: r.behindFrom,
  yellowFrom: r.yellowFrom,
  redFrom: r.redFrom,
});

/**
 * Re-derives a task's stored schedule after it, its milestones, its updates or its sub-tasks changed, then
 * its parent's (the roll-up), inside the writer's transaction. A task that was behind just before this write
 * keeps the date it fell behind (曾滞后): catching up never erases that it was late. A change of what status
 * is judged from (done, start, the date it turns behind) is added to the task's status history from today, so
 * the 周调度 view can tell the status in force at the end of last week. The maintained figures (tally.ts) count
 * the task again here, so every writer of a task, its units or its schedule keeps them.
 */
export async function syncSchedule(trx: Kysely<Database>, taskId: number, given?: TaskThresholds): Promise<void> {
  const task = await trx.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
  const t = given ?? (await thresholdsOf(trx, task.campaignId));
  const children = await trx.selectFrom('tasks').selectAll().where('parentId', '=', taskId).execute();
  let schedule: Schedule;
  let lastActivityOn = task.lastActivityOn;
  if (children.length) {
    schedule = parentSchedule(
      task.startDate,
      children.map((c) => ({ weight: Number(c.weight), schedule: asSchedule(c) })),
      t,
    );
    for (const c of children) if (c.lastActivityOn > lastActivityOn) lastActivityOn = c.lastActivityOn;
  } else {
    const milestones = await trx
      .selectFrom('taskMilestones')
      .select(['plannedDate', 'weight', 'doneAt'])
      .where('taskId', '=', taskId)
      .execute();
    schedule = leafSchedule(
      {
        startDate: task.startDate,
        endDate: task.endDate,
        reportedProgress: Number(task.reportedProgress),
        milestones: milestones.map((m) => ({ plannedDate: m.plannedDate, weight: Number(m.weight), done: !!m.doneAt })),
      },
      t,
    );
  }
  const day = today();
  const wasBehind = statusAt(asSchedule(task), day) === 'behind' ? task.behindFrom : null;
  const isBehind = statusAt(schedule, day) === 'behind' ? schedule.behindFrom : null;
  await trx
    .updateTable('tasks')
    .set({
      done: schedule.done ? 1 : 0,
      progress: schedule.progress,
      planCurve: JSON.stringify(schedule.curve),
      behindFrom: schedule.behindFrom,
      yellowFrom: schedule.yellowFrom,
      redFrom: schedule.redFrom,
      wasBehindSince: task.wasBehindSince ?? wasBehind ?? isBehind,
      doneAt: schedule.done ? (task.doneAt ?? nowIso()) : null,
      lastActivityOn,
    })
    .where('id', '=', taskId)
    .execute();
  const now = { done: schedule.done ? 1 : 0, startDate: task.startDate, behindFrom: schedule.behindFrom };
  const before = await currentStatusRecord(trx, taskId);
  if (!before || before.done !== now.done || before.startDate !== now.startDate || before.behindFrom !== now.behindFrom)
    await recordStatus(trx, taskId, day, now);
  await syncTaskTallies(trx, [taskId]);
  if (task.parentId) await syncSchedule(trx, task.parentId, t);
}
