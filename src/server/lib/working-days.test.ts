import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './working-days.ts';

describe('working days', () => {
  it('skips the National Day holiday and counts the make-up Saturday (2025)', () => {
    // 2025-09-28 (Sunday) is a make-up workday; 10-01…10-08 are holidays; 10-11 (Saturday) is a make-up workday.
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-03')).toBe(false);
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-09', 2)).toBe('2025-10-11');
  });

  it('counts plain weekdays and lets an override change a day', () => {
    expect(addWorkingDays('2026-11-20', 3)).toBe('2026-11-25');
    const overrides = new Map([['2026-11-23', 'holiday' as const]]);
    expect(addWorkingDays('2026-11-20', 3, overrides)).toBe('2026-11-26');
  });
});
