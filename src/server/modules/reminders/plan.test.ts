import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../clock.ts';
import { isWorkingDay } from '../../lib/working-days.ts';
import { DEFAULT_RULE, dueSteps, stepDates, STEPS, subtractWorkingDays } from './plan.ts';

const cal = new Map<string, 'workday' | 'holiday'>();
const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2025-03-01', n));
const rule = fc.record({
  beforeDays: fc.integer({ min: 0, max: 10 }),
  chiefAfterDays: fc.integer({ min: 0, max: 10 }),
  upAfterDays: fc.integer({ min: 0, max: 10 }),
});

describe('reminder plan', () => {
  it('steps come in order: before ≤ deadline < overdue ≤ chief ≤ up, each on a working day (before: when N > 0)', () => {
    fc.assert(
      fc.property(day, rule, (deadline, r) => {
        const at = stepDates(deadline, r, cal);
        expect(at.before <= deadline).toBe(true);
        expect(at.overdue > deadline).toBe(true);
        expect(at.overdue <= at.chief && at.chief <= at.up).toBe(true);
        for (const s of ['overdue', 'chief', 'up'] as const) expect(isWorkingDay(at[s], cal)).toBe(true);
        if (r.beforeDays > 0) expect(isWorkingDay(at.before, cal)).toBe(true);
      }),
    );
  });

  it('nothing on rest days; "before" never after the deadline; an overdue step once due stays due on later working days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -30, max: 40 }), rule, (deadline, offset, r) => {
        const today = addDays(deadline, offset);
        const steps = dueSteps(deadline, today, r, cal);
        if (!isWorkingDay(today, cal)) expect(steps).toEqual([]);
        if (today > deadline) expect(steps).not.toContain('before');
        else expect(steps.filter((s) => s !== 'before')).toEqual([]);
        const later = addDays(today, 1);
        if (isWorkingDay(later, cal))
          for (const s of steps.filter((x) => x !== 'before')) expect(dueSteps(deadline, later, r, cal)).toContain(s);
        expect(steps.every((s) => STEPS.includes(s))).toBe(true);
      }),
    );
  });

  it('counts working days around holidays and make-up workdays', () => {
    // 1–7 October 2026 are holidays, Saturday 10 October a workday.
    expect(subtractWorkingDays('2026-10-09', 2, cal)).toBe('2026-09-30');
    expect(stepDates('2026-09-30', DEFAULT_RULE, cal)).toEqual({
      before: '2026-09-24',
      overdue: '2026-10-08',
      chief: '2026-10-10',
      up: '2026-10-14',
    });
    // An override moves the chain: a declared holiday on 8 October pushes "overdue" to the 9th.
    const moved = stepDates('2026-09-30', DEFAULT_RULE, new Map([['2026-10-08', 'holiday']]));
    expect(moved.overdue).toBe('2026-10-09');
  });
});
