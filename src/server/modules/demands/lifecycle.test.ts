import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEMAND_ACTIONS, DEMAND_STATUSES, type DemandAction } from '../../../shared/demand-enums.ts';
import { decide, initialState, type ActionInput, type DemandState } from './lifecycle.ts';
import { dispatchDeadlines, endOfWorkingDay, extendedDue, handleDue, isOverdue, plusHours } from './deadlines.ts';
import { isWorkingDay } from '../../lib/working-days.ts';
import { shanghaiDate } from '../../clock.ts';

const actions = Object.keys(DEMAND_ACTIONS) as DemandAction[];
const limits = { acceptHours: 24, handleLimit: 7, handleUnit: 'working_days' };

const step = fc.record({
  action: fc.constantFrom(...actions),
  hours: fc.integer({ min: 0, max: 96 }),
  withReason: fc.boolean(),
  withAnswer: fc.boolean(),
  satisfaction: fc.option(
    fc.constantFrom('satisfied', 'basically', 'unsatisfied') as fc.Arbitrary<'satisfied' | 'basically' | 'unsatisfied'>,
  ),
  days: fc.integer({ min: 0, max: 12 }),
});

/** Runs a sequence, feeding each action the inputs a command would compute; returns every state reached. */
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
function run(steps: Step[]) {
  let state = initialState();
  let now = '2026-09-28T01:00:00.000Z';
  const seen: Array<{ state: DemandState; action: DemandAction; ok: boolean }> = [];
  for (const s of steps) {
    now = plusHours(now, s.hours);
    const input: ActionInput = {
      now,
      orgId: 7,
      reason: s.withReason ? '理由' : undefined,
      answer: s.withAnswer ? '已处理完毕' : undefined,
      satisfaction: s.satisfaction ?? undefined,
      days: s.days,
      targetId: 99,
      selfId: 1,
      deadlines: dispatchDeadlines(now, limits),
      extendedDueAt: state.dueAt ? extendedDue(state.dueAt, state.extensionDays ?? 1) : undefined,
    };
    const verdict = decide(state, s.action, input);
    if (verdict.ok) state = verdict.next;
    seen.push({ state, action: s.action, ok: verdict.ok });
  }
  return seen;
}

describe('demand lifecycle', () => {
  it('no sequence reaches an illegal state', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        for (const { state } of run(steps)) {
          expect(Object.keys(DEMAND_STATUSES)).toContain(state.status);
          // Handled states always have a handling unit and a deadline; a received demand has neither.
          if (['dispatched', 'accepted', 'answered'].includes(state.status)) {
            expect(state.orgId).not.toBeNull();
            expect(state.dueAt).not.toBeNull();
          }
          if (state.status === 'received') expect(state.orgId).toBeNull();
          if (state.status === 'answered') expect(state.answer).not.toBe('');
          if (state.satisfaction !== null) expect(state.visited).toBe(true);
          if (state.extensionDays !== null) expect(state.status).toBe('accepted');
        }
      }),
    );
  });

  it('a closed demand always has an answer and a visit, or a recorded reason why not', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        for (const { state } of run(steps)) {
          if (state.status !== 'closed') continue;
          const answeredAndVisited = state.answer !== '' && state.visited;
          expect(answeredAndVisited || state.closeReason !== '').toBe(true);
          if (state.satisfaction === 'unsatisfied') expect(state.closeReason).not.toBe('');
        }
      }),
    );
  });

  it('refuses every action outside its states, and a refused action changes nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.constantFrom(...actions), (steps, action) => {
        const seen = run(steps);
        const state = seen.at(-1)?.state ?? initialState();
        const input: ActionInput = { now: '2026-01-01T00:00:00.000Z', reason: '', answer: '' };
        const verdict = decide(state, action, input);
        if (verdict.ok) {
          // Only moves that need no text or deadline can pass with empty input.
          expect(['accept', 'visit', 'reject_extension', 'close', 'merge']).toContain(action);
        }
      }),
    );
  });

  it('a unit may return a case only within two working days of dispatch', () => {
    const dispatchedAt = '2026-09-30T02:00:00.000Z'; // Wednesday before the National Day holiday
    const d = dispatchDeadlines(dispatchedAt, limits);
    const state = decide(initialState(), 'dispatch', { now: dispatchedAt, orgId: 3, deadlines: d });
    if (!state.ok) throw new Error(state.message);
    // 10-01..10-08 are holidays in 2026; the two working days are 10-09 (a make-up workday? no: Friday) and later.
    expect(decide(state.next, 'return', { now: d.returnDueAt, reason: '非本单位职责' }).ok).toBe(true);
    const late = plusHours(d.returnDueAt, 1);
    const refused = decide(state.next, 'return', { now: late, reason: '非本单位职责' });
    expect(refused.ok).toBe(false);
  });

  it('an extension is asked for before the deadline only', () => {
    const at = '2026-06-01T02:00:00.000Z';
    const d = dispatchDeadlines(at, limits);
    const dispatched = decide(initialState(), 'dispatch', { now: at, orgId: 3, deadlines: d });
    if (!dispatched.ok) throw new Error();
    const accepted = decide(dispatched.next, 'accept', { now: at });
    if (!accepted.ok) throw new Error();
    const ask = (now: string) => decide(accepted.next, 'request_extension', { now, days: 5, reason: '需协调' });
    expect(ask(d.dueAt).ok).toBe(true);
    expect(ask(plusHours(d.dueAt, 1)).ok).toBe(false);
  });
});

describe('demand time limits', () => {
  it('working-day limits end on a working day, skip holidays and count exactly n working days', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-11-30T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 15 }),
        (at, n) => {
          const due = endOfWorkingDay(at.toISOString(), n);
          const dueDate = shanghaiDate(new Date(due));
          expect(isWorkingDay(dueDate)).toBe(true);
          let count = 0;
          for (let d = shanghaiDate(at); d < dueDate; ) {
            const next = new Date(`${d}T12:00:00+08:00`);
            next.setUTCDate(next.getUTCDate() + 1);
            d = shanghaiDate(next);
            if (isWorkingDay(d)) count++;
          }
          expect(count).toBe(n);
          expect(due > at.toISOString()).toBe(true);
        },
      ),
    );
  });

  it('the National Day holiday does not count: 7 working days from 30 September 2026 end in mid-October', () => {
    const due = handleDue('2026-09-30T02:00:00.000Z', limits);
    expect(shanghaiDate(new Date(due)) > '2026-10-12').toBe(true);
  });

  it('hour limits are plain hours, and overdue follows the stage the demand is in', () => {
    const at = '2026-06-01T00:00:00.000Z';
    const d = dispatchDeadlines(at, { acceptHours: 2, handleLimit: 24, handleUnit: 'hours' });
    expect(d.acceptDueAt).toBe('2026-06-01T02:00:00.000Z');
    expect(d.dueAt).toBe('2026-06-02T00:00:00.000Z');
    const now = '2026-06-01T03:00:00.000Z';
    expect(isOverdue({ status: 'dispatched', ...d }, now)).toBe(true);
    expect(isOverdue({ status: 'accepted', ...d }, now)).toBe(false);
    expect(isOverdue({ status: 'answered', ...d }, '2027-01-01T00:00:00.000Z')).toBe(false);
  });
});
