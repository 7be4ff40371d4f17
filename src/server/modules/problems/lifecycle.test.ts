import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, decide, type LifecycleState } from './lifecycle.ts';

type Step =
  | { kind: 'act'; action: (typeof ACTIONS)[number]; effect: string; reason: string; attachments: number }
  | { kind: 'addMeasure' }
  | { kind: 'finishMeasure' }
  | { kind: 'reopenMeasure' }
  | { kind: 'addEvidence' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('act' as const),
    action: fc.constantFrom(...ACTIONS),
    effect: fc.constantFrom('', '  ', '问题已整改'),
    reason: fc.constantFrom('', '佐证不足'),
    attachments: fc.nat(2),
  }),
  fc.constant({ kind: 'addMeasure' as const }),
  fc.constant({ kind: 'finishMeasure' as const }),
  fc.constant({ kind: 'reopenMeasure' as const }),
  fc.constant({ kind: 'addEvidence' as const }),
);

describe('problem lifecycle', () => {
  it('no sequence of actions reaches an illegal state or closes without finished measures, effect and evidence', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.boolean(), (steps, hasParent) => {
        const s: LifecycleState = {
          status: 'draft',
          measureCount: 0,
          openMeasureCount: 0,
          evidenceCount: 0,
          escalated: false,
          hasParent,
        };
        let submittedProperly = false;
        for (const st of steps) {
          if (st.kind === 'addMeasure' && s.status !== 'closed' && s.status !== 'submitted') {
            s.measureCount++;
            s.openMeasureCount++;
          } else if (st.kind === 'finishMeasure' && s.openMeasureCount > 0) s.openMeasureCount--;
          else if (st.kind === 'reopenMeasure' && s.openMeasureCount < s.measureCount && s.status === 'in_progress')
            s.openMeasureCount++;
          else if (st.kind === 'addEvidence') s.evidenceCount++;
          else if (st.kind === 'act') {
            const before = s.status;
            const verdict = decide(s, st.action, {
              effect: st.effect,
              reason: st.reason,
              attachmentCount: st.attachments,
            });
            if (!verdict.ok) {
              expect(verdict.message).toMatch(/[\u4e00-\u9fa5]/);
              continue;
            }
            if (st.action === 'submit') {
              expect(s.openMeasureCount).toBe(0);
              expect(s.measureCount).toBeGreaterThan(0);
              expect(st.effect.trim()).not.toBe('');
              expect(s.evidenceCount + st.attachments).toBeGreaterThan(0);
              s.evidenceCount += st.attachments;
              submittedProperly = true;
            }
            if (st.action === 'approve') expect(submittedProperly && before === 'submitted').toBe(true);
            if (st.action === 'reject') {
              expect(st.reason.trim()).not.toBe('');
              submittedProperly = false;
            }
            if (st.action === 'escalate') {
              expect(hasParent).toBe(true);
              expect(before).not.toBe('closed');
              s.escalated = true;
            }
            s.status = verdict.next;
          }
          expect(['draft', 'in_progress', 'submitted', 'closed']).toContain(s.status);
          if (s.status === 'closed') expect(s.openMeasureCount).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('allows only the documented moves from each state', () => {
    const base: LifecycleState = {
      status: 'draft',
      measureCount: 1,
      openMeasureCount: 0,
      evidenceCount: 1,
      escalated: false,
      hasParent: true,
    };
    const allowed = (status: LifecycleState['status']) =>
      ACTIONS.filter((a) => decide({ ...base, status }, a, { effect: 'e', reason: 'r' }).ok);
    expect(allowed('draft')).toEqual(['confirm', 'escalate']);
    expect(allowed('in_progress')).toEqual(['submit', 'escalate']);
    expect(allowed('submitted')).toEqual(['approve', 'reject', 'escalate']);
    expect(allowed('closed')).toEqual([]);
  });
});
