import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_STATUSES, type ImportStatus } from '../../../shared/views/imports.ts';
import { FINISHED, isWorking, nextStatus, PREVIEW_EVENTS } from './lifecycle.ts';

const run = (events: (typeof PREVIEW_EVENTS)[number][]) => {
  let status: ImportStatus = 'reading';
  const trail: ImportStatus[] = [status];
  for (const event of events) {
    const next = nextStatus(status, event);
    if (next) trail.push((status = next));
  }
  return trail;
};

describe('import preview lifecycle', () => {
  const events = fc.array(fc.constantFrom(...PREVIEW_EVENTS), { maxLength: 40 });

  it('never leaves done or failed', () => {
    fc.assert(
      fc.property(events, (es) => {
        const trail = run(es);
        const end = trail.findIndex((s) => FINISHED.includes(s));
        return end < 0 || trail.slice(end).every((s) => s === trail[end]);
      }),
    );
  });

  it('reaches done only through ready → writing, and writing only from ready', () => {
    fc.assert(
      fc.property(events, (es) => {
        const trail = run(es);
        return trail.every(
          (s, i) => (s !== 'done' || trail[i - 1] === 'writing') && (s !== 'writing' || trail[i - 1] === 'ready'),
        );
      }),
    );
  });

  it('lets a crash end only a working status, and every working status can crash', () => {
    for (const status of IMPORT_STATUSES) expect(nextStatus(status, 'crash') !== null, status).toBe(isWorking(status));
  });

  it('expires only a preview waiting for the user', () => {
    expect(IMPORT_STATUSES.filter((s) => nextStatus(s, 'expire') === 'failed')).toEqual(['ready', 'invalid']);
  });

  it('sends a ready or invalid preview back to checking when it is edited, and nothing else', () => {
    expect(IMPORT_STATUSES.filter((s) => nextStatus(s, 'edit') === 'checking')).toEqual(['ready', 'invalid']);
  });
});
