import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExemplarStatus } from '../../../shared/check-enums.ts';
import { EXEMPLAR_ACTIONS, decideExemplar, takesObjections, type ExemplarState } from './lifecycle.ts';

type Step =
  | { kind: 'act'; action: (typeof EXEMPLAR_ACTIONS)[number] }
  | { kind: 'object' }
  | { kind: 'handle'; upheld: boolean }
  | { kind: 'dayPasses' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('act' as const), action: fc.constantFrom(...EXEMPLAR_ACTIONS) }),
  fc.constant({ kind: 'object' as const }),
  fc.record({ kind: fc.constant('handle' as const), upheld: fc.boolean() }),
  fc.constant({ kind: 'dayPasses' as const }),
);

describe('exemplar lifecycle', () => {
  it('nothing is selected without a finished 公示 whose objections are all handled and none upheld', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (steps, levels) => {
        let level = levels;
        const s: ExemplarState = {
          status: 'nominated',
          atTop: level === 1,
          noticeEnded: false,
          openObjections: 0,
          upheldObjections: 0,
        };
        let sawNotice = false;
        for (const st of steps) {
          const before: ExemplarStatus = s.status;
          if (st.kind === 'object' && takesObjections(s.status)) s.openObjections++;
          if (st.kind === 'handle' && takesObjections(s.status) && s.openObjections > 0) {
            s.openObjections--;
            if (st.upheld) s.upheldObjections++;
          }
          if (st.kind === 'dayPasses' && s.status === 'notice') s.noticeEnded = true;
          if (st.kind !== 'act') continue;
          const v = decideExemplar(s, st.action);
          if (!v.ok) {
            expect(s.status).toBe(before);
            continue;
          }
          if (before === 'selected' || before === 'rejected') throw new Error('a final state moved');
          if (v.next === 'selected') {
            expect(sawNotice && s.noticeEnded).toBe(true);
            expect(s.openObjections).toBe(0);
            expect(s.upheldObjections).toBe(0);
          }
          if (v.next === 'recommended') expect(s.atTop).toBe(true);
          if (st.action === 'approve' && v.next === 'nominated') level--;
          s.status = v.next;
          s.atTop = level <= 1;
          if (v.next === 'notice') sawNotice = true;
        }
      }),
    );
  });

  it('says why a selection is refused', () => {
    const notice: ExemplarState = {
      status: 'notice',
      atTop: true,
      noticeEnded: false,
      openObjections: 1,
      upheldObjections: 0,
    };
    expect(decideExemplar(notice, 'select')).toMatchObject({ ok: false, code: 'notice_running' });
    expect(decideExemplar({ ...notice, noticeEnded: true }, 'select')).toMatchObject({ code: 'objections_open' });
    expect(decideExemplar({ ...notice, noticeEnded: true, openObjections: 0 }, 'select')).toEqual({
      ok: true,
      next: 'selected',
    });
  });
});
