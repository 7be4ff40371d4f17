import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { addDays } from '../../clock.ts';
import { TASK_STATUSES } from '../../../shared/task-enums.ts';
import { taskPolicy, type TaskSubject } from './policy.ts';
import { lightAt, NEVER, plannedAt, staleBefore, statusAt, type Curve, type Judging } from './schedule.ts';
import type { StatusRecord, TaskRow, TaskUnitRow } from './repository.ts';
import { mondayOf, weekOf } from '../../../shared/iso-week.ts';

/** What the policy needs about a task, from its row and units. */
export function subjectOf(
  row: Pick<TaskRow, 'orgPath' | 'leaderId' | 'parentId' | 'done'>,
  units: Pick<TaskUnitRow, 'orgPath'>[],
  campaignOrgPath: string,
  shape: { hasMilestones: boolean; hasChildren: boolean },
): TaskSubject {
  return {
    orgPath: row.orgPath,
    leaderId: row.leaderId,
    parentId: row.parentId,
    unitPaths: units.map((u) => u.orgPath),
    campaignOrgPath,
    done: row.done === 1,
    ...shape,
  };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** A task with its derived 序时进度, status, light, 曾滞后 and 未更新, and what the caller may do. */
export function presentTask(
  actor: Actor,
  row: TaskRow,
  units: TaskUnitRow[],
  ctx: { today: string; thresholds: Judging; subject: TaskSubject },
) {
  const { today, thresholds } = ctx;
  const schedule = { ...row, done: row.done === 1 };
  const status = statusAt(schedule, today);
  const started = row.done === 1 || row.startDate <= today;
  return {
    id: row.id,
    campaignId: row.campaignId,
    parentId: row.parentId,
    orgId: row.orgId,
    orgName: row.orgName,
    leaderId: row.leaderId,
    leaderName: row.leaderName ?? null,
    title: row.title,
    description: row.description,
    startDate: row.startDate,
    endDate: row.endDate,
    weight: Number(row.weight),
    metric:
      row.metricName === null
        ? null
        : { name: row.metricName, unit: row.metricUnit ?? '', target: row.metricTarget, current: row.metricCurrent },
    responsibleUnits: units.filter((u) => u.taskId === row.id && u.role === 'responsible').map(unitRef),
    cooperatingUnits: units.filter((u) => u.taskId === row.id && u.role === 'cooperating').map(unitRef),
    progress: round(Number(row.progress)),
    plannedProgress: round(plannedAt(JSON.parse(row.planCurve) as Curve, today)),
    status,
    statusLabel: TASK_STATUSES[status],
    light: lightAt(schedule, today),
    behindSince: status === 'behind' ? row.behindFrom : null,
    /** 曾滞后: behind at some point, caught up since. */
    wasBehind: status !== 'behind' && row.wasBehindSince !== null,
    wasBehindSince: row.wasBehindSince,
    stale: started && row.done === 0 && row.lastActivityOn <= staleBefore(today, thresholds),
    lastActivityOn: row.lastActivityOn,
    behindFrom: row.behindFrom === NEVER ? null : row.behindFrom,
    doneAt: row.doneAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    abilities: abilitiesOf(taskPolicy, actor, ctx.subject),
  };
}

/** The last day of the ISO week before the one `today` falls in (a Sunday). */
export function lastWeekEnd(today: string): string {
  return addDays(mondayOf(weekOf(today)) ?? today, -1);
}

/**
 * For the 周调度 meeting: the status in force at the end of last week — judged from the task's status history
 * (the schedule as it stood then), not from today's milestones — beside this week's, and whether the unit has
 * reported this week (a split task reports through its sub-tasks; a done one has nothing left to report).
 * Null when the task did not exist yet.
 */
export function presentWeek(
  today: string,
  week: { reported: boolean; split: boolean; done: boolean; lastWeek: StatusRecord | undefined },
) {
  const end = lastWeekEnd(today);
  return {
    statusLastWeek: week.lastWeek ? statusAt({ ...week.lastWeek, done: week.lastWeek.done === 1 }, end) : null,
    updatedThisWeek: week.reported || week.split || week.done,
  };
}

const unitRef = (u: TaskUnitRow) => ({ id: u.orgId, name: u.orgName });

export type TaskView = ReturnType<typeof presentTask>;
