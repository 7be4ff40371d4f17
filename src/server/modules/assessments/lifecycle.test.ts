import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_ACTIONS,
  answerObjection,
  answersOpen,
  entriesOpen,
  nextAssessmentState,
  objectionsOpen,
  phaseOf,
  reviewEntry,
  type AssessmentPhase,
  type AssessmentState,
} from './lifecycle.ts';
import { addDays } from '../../clock.ts';

const ORDER: AssessmentPhase[] = ['draft', 'final', 'publicity', 'publicity_ended', 'confirmed'];

describe('assessment lifecycle', () => {
  it('only moves forward: draft → final → published, and a final assessment never takes entries again', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ASSESSMENT_ACTIONS), { maxLength: 12 }), (actions) => {
        let s: AssessmentState = { status: 'draft', published: false };
        let finalisedOnce = false;
        for (const action of actions) {
          const v = nextAssessmentState(s, action);
          if (action === 'finalise') expect(v.ok).toBe(s.status === 'draft');
          if (action === 'publish') expect(v.ok).toBe(s.status === 'final' && !s.published);
          if (action === 'confirm') expect(v.ok).toBe(false);
          if (v.ok) s = v.next;
          if (s.status === 'final') finalisedOnce = true;
          if (finalisedOnce) expect(s.status).toBe('final');
          expect(entriesOpen(s)).toBe(s.status === 'draft');
          if (s.published) expect(s.status).toBe('final');
        }
      }),
    );
  });

  it('reviews an entry once', () => {
    expect(reviewEntry('pending', true)).toEqual({ ok: true, next: 'accepted' });
    expect(reviewEntry('pending', false)).toEqual({ ok: true, next: 'rejected' });
    expect(reviewEntry('accepted', false).ok).toBe(false);
    expect(reviewEntry('rejected', true).ok).toBe(false);
  });

  it('becomes 最终 only after a 公示 has ended with every objection answered, and never moves back', () => {
    const step = fc.record({
      action: fc.constantFrom(...ASSESSMENT_ACTIONS),
      days: fc.integer({ min: 0, max: 5 }),
      until: fc.option(fc.integer({ min: -2, max: 6 }), { nil: undefined }),
      lodged: fc.integer({ min: 0, max: 2 }),
      answered: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        let day = '2026-03-01';
        let s: AssessmentState = { status: 'draft', published: false };
        let open = 0;
        let rank = 0;
        for (const st of steps) {
          day = addDays(day, st.days);
          const phase = phaseOf(s, day);
          // Time and actions only move an assessment forward.
          expect(ORDER.indexOf(phase)).toBeGreaterThanOrEqual(rank);
          rank = ORDER.indexOf(phase);
          // Objections come in only during the 公示; answers during and after it, until the result is final.
          if (objectionsOpen(s, day)) open += st.lodged;
          if (answersOpen(s, day)) open -= Math.min(open, st.answered);
          expect(objectionsOpen(s, day)).toBe(phase === 'publicity');
          expect(answersOpen(s, day)).toBe(phase === 'publicity' || phase === 'publicity_ended');
          const until = st.until === undefined ? undefined : addDays(day, st.until);
          const v = nextAssessmentState(s, st.action, { today: day, until, openObjections: open, now: day });
          if (st.action === 'confirm') expect(v.ok).toBe(phase === 'publicity_ended' && open === 0);
          if (st.action === 'open_publicity')
            expect(v.ok).toBe(s.status === 'final' && !s.publicityUntil && until !== undefined && until >= day);
          if (v.ok) {
            if (st.action === 'open_publicity') expect(v.next.published).toBe(true);
            s = v.next;
          }
          if (s.confirmedAt) {
            expect(s.publicityUntil! < day).toBe(true);
            expect(phaseOf(s, day)).toBe('confirmed');
          }
          if (s.status === 'draft') expect(phaseOf(s, day)).toBe('draft');
        }
      }),
    );
  });

  it('answers an objection once', () => {
    expect(answerObjection('open', 'uphold')).toEqual({ ok: true, next: 'upheld' });
    expect(answerObjection('open', 'adjust')).toEqual({ ok: true, next: 'adjusted' });
    expect(answerObjection('upheld', 'adjust').ok).toBe(false);
    expect(answerObjection('adjusted', 'uphold').ok).toBe(false);
  });
});
