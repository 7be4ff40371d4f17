import chineseDays from 'chinese-days';
import { addDays } from '../clock.ts';

/** Admin-entered corrections: a date declared a workday or a holiday (for years the library does not know yet). */
export type CalendarOverrides = ReadonlyMap<string, 'workday' | 'holiday'>;

/** Whether a YYYY-MM-DD date is a working day: overrides first, then China's official calendar. */
export function isWorkingDay(date: string, overrides: CalendarOverrides = new Map()): boolean {
  const override = overrides.get(date);
  if (override) return override === 'workday';
  return chineseDays.isWorkday(date);
}

/** The date N working days after `from` (from itself does not count), honouring holidays and make-up workdays. */
export function addWorkingDays(from: string, n: number, overrides: CalendarOverrides = new Map()): string {
  let date = from;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, overrides)) left--;
  }
  return date;
}

/**
 * The latest date followed by at least `n` working days up to and including `to`: a record last touched on
 * or before it has gone `n` working days without news (未更新). With every day a working day this is `to − n`.
 */
export function workingDaysCutoff(to: string, n: number, overrides: CalendarOverrides = new Map()): string {
  let date = to;
  let left = n;
  for (;;) {
    if (isWorkingDay(date, overrides) && --left <= 0) return addDays(date, -1);
    date = addDays(date, -1);
  }
}
