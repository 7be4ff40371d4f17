/**
 * 序时进度 and the derived status of a key task — pure functions, no database, no clock.
 *
 * The definition (DOMAIN F5), at a date d:
 * - planned progress: the weight of milestones planned on or before d over the total weight (a task without
 *   milestones plans everything for its end date); a task split into sub-tasks plans the weighted mean of theirs;
 * - actual progress: the weight of milestones done, or the share the unit reported in its weekly update when
 *   that is higher; a split task's is the weighted mean of its sub-tasks' (the roll-up);
 * - 已完成 when every milestone (every sub-task) is done, whatever the date; 未启动 before the start date;
 *   滞后 when a milestone's date has passed with it open (a sub-task is behind), or actual is below planned by
 *   more than the tolerance; 按序时推进 otherwise.
 *
 * With the facts fixed, "behind" only switches on as days pass (planned never falls, a missed date stays
 * missed), so the whole future of a task is a few dates: `behindFrom`, `yellowFrom`, `redFrom`. They are
 * stored on the task when it is written, and status at any day is a comparison — which is what lets the list
 * filter and the figures count status in SQL (repository.ts) with the same rule as `statusAt`.
 */
import { addDays } from '../../clock.ts';
import type { TaskLight, TaskStatus, TaskThresholds } from '../../../shared/task-enums.ts';
import { workingDaysCutoff, type CalendarOverrides } from '../../lib/working-days.ts';

/** A campaign's thresholds as judged: with the calendar page's corrections when loaded, else China's official calendar. */
export type Judging = TaskThresholds & { calendar?: CalendarOverrides };

/** 未更新: a task last reported on or before this date has gone `staleDays` working days without an update. */
export const staleBefore = (today: string, t: Judging): string => workingDaysCutoff(today, t.staleDays, t.calendar);

/** Stands for "never" in a stored date. */
export const NEVER = '9999-12-31';
const EPS = 1e-9;

export interface MilestoneFact {
  plannedDate: string;
  weight: number;
  done: boolean;
}

/** Everything status depends on: the task's dates, milestones and latest report, or its sub-tasks. */
export interface TaskFacts {
  startDate: string;
  endDate: string;
  milestones: MilestoneFact[];
  /** The latest weekly update's progress (0–1), 0 without one. */
  reportedProgress: number;
  children?: Array<{ weight: number; facts: TaskFacts }>;
}

/** Planned progress as a step function: (date, planned share from that date on), ascending. */
export type Curve = Array<[string, number]>;

/** A task's derived future, stored on its row. */
export interface Schedule {
  done: boolean;
  progress: number;
  startDate: string;
  curve: Curve;
  behindFrom: string;
  yellowFrom: string;
  redFrom: string;
}

/** Planned progress at a date, read off the curve. */
export function plannedAt(curve: Curve, date: string): number {
  let value = 0;
  for (const [d, v] of curve) {
    if (d > date) break;
    value = v;
  }
  return value;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** The weighted mean a split task rolls up to. */
export function weightedMean(parts: Array<{ weight: number; value: number }>): number {
  const total = sum(parts.map((p) => p.weight));
  return total > 0 ? sum(parts.map((p) => p.weight * p.value)) / total : 0;
}

interface Judged {
  done: boolean;
  progress: number;
  planned: number;
  behind: boolean;
  yellow: boolean;
  red: boolean;
}

function judge(
  done: boolean,
  progress: number,
  planned: number,
  miss: boolean,
  missRed: boolean,
  missYellow: boolean,
  t: TaskThresholds,
): Judged {
  const gap = planned - progress;
  const red = !done && (missRed || gap > t.redGap + EPS);
  return {
    done,
    progress,
    planned,
    behind: !done && (miss || gap > t.tolerance + EPS),
    red,
    yellow: !done && (red || missYellow || gap > t.yellowGap + EPS),
  };
}

/** The definition itself, evaluated at one date over the raw facts (recursively for sub-tasks). */
function judgeAt(f: TaskFacts, date: string, t: TaskThresholds): Judged {
  if (f.children?.length) {
    const kids = f.children.map((c) => ({ weight: c.weight, j: judgeAt(c.facts, date, t) }));
    const done = kids.every((k) => k.j.done);
    const progress = weightedMean(kids.map((k) => ({ weight: k.weight, value: k.j.progress })));
    const planned = weightedMean(kids.map((k) => ({ weight: k.weight, value: k.j.planned })));
    const any = (p: (j: Judged) => boolean) => kids.some((k) => p(k.j));
    return judge(
      done,
      progress,
      planned,
      any((j) => j.behind),
      any((j) => j.red),
      any((j) => j.yellow),
      t,
    );
  }
  const ms = f.milestones;
  if (!ms.length) {
    const done = f.reportedProgress >= 1 - EPS;
    const miss = !done && f.endDate < date;
    return judge(done, f.reportedProgress, f.endDate <= date ? 1 : 0, miss, miss, miss, t);
  }
  const total = sum(ms.map((m) => m.weight));
  const done = ms.every((m) => m.done);
  const doneShare = sum(ms.filter((m) => m.done).map((m) => m.weight)) / total;
  const planned = sum(ms.filter((m) => m.plannedDate <= date).map((m) => m.weight)) / total;
  const miss = ms.some((m) => !m.done && m.plannedDate < date);
  return judge(done, Math.max(doneShare, f.reportedProgress), planned, miss, miss, miss, t);
}

function statusOf(j: Judged, startDate: string, date: string): TaskStatus {
  if (j.done) return 'done';
  if (date < startDate) return 'not_started';
  return j.behind ? 'behind' : 'on_track';
}

/** Status at a date straight from the definition (the reference the stored schedule must agree with). */
export function deriveStatus(f: TaskFacts, date: string, t: TaskThresholds): TaskStatus {
  return statusOf(judgeAt(f, date, t), f.startDate, date);
}

/** Light at a date straight from the definition; null before the start. */
export function deriveLight(f: TaskFacts, date: string, t: TaskThresholds): TaskLight | null {
  const j = judgeAt(f, date, t);
  if (!j.done && date < f.startDate) return null;
  return j.red ? 'red' : j.yellow ? 'yellow' : 'green';
}

/** Status at a date from a stored schedule. */
export function statusAt(s: Pick<Schedule, 'done' | 'startDate' | 'behindFrom'>, date: string): TaskStatus {
  if (s.done) return 'done';
  if (date < s.startDate) return 'not_started';
  return date >= s.behindFrom ? 'behind' : 'on_track';
}

/** Light at a date from a stored schedule; null before the start. */
export function lightAt(
  s: Pick<Schedule, 'done' | 'startDate' | 'yellowFrom' | 'redFrom'>,
  date: string,
): TaskLight | null {
  if (s.done) return 'green';
  if (date < s.startDate) return null;
  return date >= s.redFrom ? 'red' : date >= s.yellowFrom ? 'yellow' : 'green';
}

/** The first candidate date at which a predicate holds (it stays true afterwards), else NEVER. */
function firstTrue(candidates: string[], holds: (date: string) => boolean): string {
  for (const d of candidates) if (holds(d)) return d;
  return NEVER;
}

function scheduleFrom(
  startDate: string,
  candidates: Set<string>,
  curveDates: Set<string>,
  at: (date: string) => Judged,
): Schedule {
  const dates = [...candidates].filter((d) => d !== NEVER).sort();
  const now = at(NEVER);
  const curve: Curve = [...curveDates].sort().map((d) => [d, at(d).planned]);
  return {
    done: now.done,
    progress: now.progress,
    startDate,
    curve,
    behindFrom: firstTrue(dates, (d) => at(d).behind),
    yellowFrom: firstTrue(dates, (d) => at(d).yellow),
    redFrom: firstTrue(dates, (d) => at(d).red),
  };
}

/**
 * A task's schedule from its own milestones: the definition sampled at the only dates where it can change —
 * each planned date (planned rises) and the day after (the date is missed).
 */
export function leafSchedule(f: TaskFacts, t: TaskThresholds): Schedule {
  const own = f.milestones.length ? f.milestones.map((m) => m.plannedDate) : [f.endDate];
  const candidates = new Set(own.flatMap((d) => [d, addDays(d, 1)]));
  return scheduleFrom(f.startDate, candidates, new Set(own), (d) => judgeAt({ ...f, children: undefined }, d, t));
}

/** A split task's schedule from its sub-tasks' stored schedules (no need to load their milestones). */
export function parentSchedule(
  startDate: string,
  children: Array<{ weight: number; schedule: Schedule }>,
  t: TaskThresholds,
): Schedule {
  const curveDates = new Set(children.flatMap((c) => c.schedule.curve.map(([d]) => d)));
  const candidates = new Set([
    ...[...curveDates].flatMap((d) => [d, addDays(d, 1)]),
    ...children.flatMap((c) => [c.schedule.behindFrom, c.schedule.yellowFrom, c.schedule.redFrom]),
  ]);
  const at = (d: string): Judged => {
    const kids = children.map((c) => ({ weight: c.weight, s: c.schedule }));
    const done = kids.every((k) => k.s.done);
    const progress = weightedMean(kids.map((k) => ({ weight: k.weight, value: k.s.progress })));
    const planned = weightedMean(kids.map((k) => ({ weight: k.weight, value: plannedAt(k.s.curve, d) })));
    const any = (p: (s: Schedule) => boolean) => kids.some((k) => !k.s.done && p(k.s));
    return judge(
      done,
      progress,
      planned,
      any((s) => d >= s.behindFrom),
      any((s) => d >= s.redFrom),
      any((s) => d >= s.yellowFrom),
      t,
    );
  };
  return scheduleFrom(startDate, candidates, curveDates, at);
}

/** The schedule of a whole task tree from raw facts (the write path computes it level by level instead). */
export function scheduleOf(f: TaskFacts, t: TaskThresholds): Schedule {
  if (!f.children?.length) return leafSchedule(f, t);
  return parentSchedule(
    f.startDate,
    f.children.map((c) => ({ weight: c.weight, schedule: scheduleOf(c.facts, t) })),
    t,
  );
}
