import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mondayOf, previousWeek, weekOf } from './iso-week.ts';

describe('ISO weeks (周调度)', () => {
  it('knows the edges of the year', () => {
    expect(weekOf('2026-01-01')).toBe('2026-W01');
    expect(weekOf('2027-01-01')).toBe('2026-W53');
    expect(weekOf('2024-12-30')).toBe('2025-W01');
    expect(weekOf('2023-11-22')).toBe('2023-W47');
    expect(mondayOf('2023-W47')).toBe('2023-11-20');
    expect(mondayOf('2025-W53')).toBeNull();
    expect(previousWeek('2026-W01')).toBe('2025-W52');
  });

  it('a day lies in the week that starts on its Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), (n) => {
        const d = new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10);
        const monday = mondayOf(weekOf(d))!;
        const diff = (Date.parse(d) - Date.parse(monday)) / 86400000;
        expect(diff >= 0 && diff < 7).toBe(true);
      }),
    );
  });
});
