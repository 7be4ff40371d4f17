import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_ACTIONS,
  entriesOpen,
  nextAssessmentState,
  reviewEntry,
  type AssessmentState,
} from './lifecycle.ts';

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
});
