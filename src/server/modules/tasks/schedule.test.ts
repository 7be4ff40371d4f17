import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../clock.ts';
import { isWorkingDay } from '../../lib/working-days.ts';
import { DEFAULT_TASK_THRESHOLDS as T, type TaskStatus } from '../../../shared/task-enums.ts';
import {
  deriveLight,
  deriveStatus,
  lightAt,
  plannedAt,
  scheduleOf,
  staleBefore,
  statusAt,
  weightedMean,
  type TaskFacts,
} from './schedule.ts';

const BASE = '2026-03-01';
const day = (n: number) => addDays(BASE, n);

/** A task of 0–5 milestones inside [start, end], optionally split into up to 3 sub-tasks (two levels). */
const leaf = fc
  .record({
    start: fc.integer({ min: 0, max: 30 }),
    length: fc.integer({ min: 0, max: 60 }),
    milestones: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        weight: fc.integer({ min: 1, max: 5 }),
        done: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    reported: fc.constantFrom(0, 0, 0.2, 0.5, 0.9, 1),
  })
  .map(
    ({ start, length, milestones, reported }): TaskFacts => ({
      startDate: day(start),
      endDate: day(start + length),
      milestones: milestones.map((m) => ({
        plannedDate: day(start + Math.round(m.at * length)),
        weight: m.weight,
        done: m.done,
      })),
      reportedProgress: reported,
    }),
  );

const task: fc.Arbitrary<TaskFacts> = fc.oneof(
  leaf,
  fc
    .array(fc.record({ weight: fc.integer({ min: 1, max: 4 }), facts: leaf }), { minLength: 1, maxLength: 3 })
    .map((children): TaskFacts => {
      const starts = children.map((c) => c.facts.startDate).sort();
      const ends = children.map((c) => c.facts.endDate).sort();
      return { startDate: starts[0], endDate: ends.at(-1)!, milestones: [], reportedProgress: 0, children };
    }),
);
const date = fc.integer({ min: -5, max: 100 }).map(day);

const rank: Record<TaskStatus, number> = { behind: 0, not_started: 1, on_track: 1, done: 2 };

describe('key task status (序时进度)', () => {
  it('the stored schedule gives the same status and light as the definition on every day', () => {
    fc.assert(
      fc.property(task, fc.array(date, { minLength: 1, maxLength: 8 }), (f, dates) => {
        const s = scheduleOf(f, T);
        for (const d of dates) {
          expect(statusAt(s, d)).toBe(deriveStatus(f, d, T));
          expect(lightAt(s, d)).toBe(deriveLight(f, d, T));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a task with every milestone done is 已完成 whatever the date', () => {
    fc.assert(
      fc.property(leaf, date, (f, d) => {
        fc.pre(f.milestones.length > 0);
        const all = { ...f, milestones: f.milestones.map((m) => ({ ...m, done: true })) };
        expect(deriveStatus(all, d, T)).toBe('done');
        expect(statusAt(scheduleOf(all, T), d)).toBe('done');
      }),
    );
  });

  it('a milestone past its date and still open means 滞后', () => {
    fc.assert(
      fc.property(leaf, fc.integer({ min: 1, max: 30 }), (f, after) => {
        const open = f.milestones.find((m) => !m.done);
        fc.pre(open !== undefined);
        const d = addDays(open!.plannedDate, after);
        expect(deriveStatus(f, d, T)).toBe('behind');
        expect(statusAt(scheduleOf(f, T), d)).toBe('behind');
      }),
    );
  });

  it('is monotone in milestones done: marking one done never makes the status worse', () => {
    fc.assert(
      fc.property(leaf, fc.nat(), date, (f, pick, d) => {
        const open = f.milestones.map((m, i) => [m, i] as const).filter(([m]) => !m.done);
        fc.pre(open.length > 0);
        const i = open[pick % open.length][1];
        const more = { ...f, milestones: f.milestones.map((m, j) => (j === i ? { ...m, done: true } : m)) };
        expect(rank[deriveStatus(more, d, T)]).toBeGreaterThanOrEqual(rank[deriveStatus(f, d, T)]);
        expect(scheduleOf(more, T).behindFrom >= scheduleOf(f, T).behindFrom).toBe(true);
      }),
    );
  });

  it('a split task rolls its sub-tasks up by weight (actual and planned)', () => {
    fc.assert(
      fc.property(task, date, (f, d) => {
        fc.pre(!!f.children?.length);
        const kids = f.children!.map((c) => ({ weight: c.weight, s: scheduleOf(c.facts, T) }));
        const s = scheduleOf(f, T);
        const total = kids.reduce((a, k) => a + k.weight, 0);
        const progress = kids.reduce((a, k) => a + k.weight * k.s.progress, 0) / total;
        const planned = kids.reduce((a, k) => a + k.weight * plannedAt(k.s.curve, d), 0) / total;
        expect(s.progress).toBeCloseTo(progress, 9);
        expect(plannedAt(s.curve, d)).toBeCloseTo(planned, 9);
        expect(s.done).toBe(kids.every((k) => k.s.done));
      }),
    );
  });

  it('counts planned progress by milestone weight, on or before the date', () => {
    const f: TaskFacts = {
      startDate: '2026-03-01',
      endDate: '2026-06-30',
      reportedProgress: 0,
      milestones: [
        { plannedDate: '2026-03-31', weight: 1, done: true },
        { plannedDate: '2026-04-30', weight: 2, done: false },
        { plannedDate: '2026-06-30', weight: 1, done: false },
      ],
    };
    const s = scheduleOf(f, T);
    expect(plannedAt(s.curve, '2026-03-30')).toBe(0);
    expect(plannedAt(s.curve, '2026-03-31')).toBe(0.25);
    expect(plannedAt(s.curve, '2026-04-30')).toBe(0.75);
    expect(s.progress).toBe(0.25);
    expect(statusAt(s, '2026-02-28')).toBe('not_started');
    expect(statusAt(s, '2026-04-29')).toBe('on_track');
    // Due today counts as planned: 0.75 planned against 0.25 done is far behind already.
    expect(statusAt(s, '2026-04-30')).toBe('behind');
    expect(lightAt(s, '2026-04-30')).toBe('red');
    expect(weightedMean([])).toBe(0);
  });
});

describe('未更新 counts working days (the calendar, holidays and make-up workdays included)', () => {
  const workingDaysIn = (after: string, upTo: string, cal = new Map<string, 'workday' | 'holiday'>()) => {
    let n = 0;
    for (let d = addDays(after, 1); d <= upTo; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
    return n;
  };

  it('a task last reported on the cutoff has gone staleDays working days without news; a day later it has not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 15 }),
        fc.array(fc.tuple(fc.integer({ min: -40, max: 0 }), fc.boolean()), { maxLength: 6 }),
        (offset, staleDays, marks) => {
          const today = addDays('2026-01-01', offset);
          const calendar = new Map(marks.map(([d, w]) => [addDays(today, d), w ? 'workday' : 'holiday'] as const));
          const cutoff = staleBefore(today, { ...T, staleDays, calendar });
          expect(cutoff < today).toBe(true);
          expect(workingDaysIn(cutoff, today, calendar)).toBe(staleDays);
          expect(workingDaysIn(addDays(cutoff, 1), today, calendar)).toBe(staleDays - 1);
        },
      ),
    );
  });

  it('across 国庆 2026 (1–7 October off, Saturday 10 October worked) seven working days take fifteen calendar days', () => {
    // Reported on Tuesday 29 September: 30 Sep, 8, 9, 10 (Sat, make-up), 12, 13, 14 October are the seven.
    expect(staleBefore('2026-10-13', { ...T, staleDays: 7 }) < '2026-09-29').toBe(true);
    expect(staleBefore('2026-10-14', { ...T, staleDays: 7 })).toBe('2026-09-29');
    // Ordinary weeks: reported on Monday 23 November, 24–27 November and 30 November–2 December are seven.
    expect(staleBefore('2026-12-02', { ...T, staleDays: 7 })).toBe('2026-11-23');
  });
});
