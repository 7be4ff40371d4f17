/**
 * Time limits of a demand, pure: 签收 within the category's hours, 办理 within its hours or working days
 * (Chinese holidays and make-up workdays honoured), 退单 within two working days of dispatch, 延期 by
 * working days past the current deadline. Instants are UTC ISO strings, so SQL compares them as text.
 */
import { shanghaiDate } from '../../clock.ts';
import { addWorkingDays, type CalendarOverrides } from '../../lib/working-days.ts';

export interface CategoryLimits {
  acceptHours: number;
  handleLimit: number;
  handleUnit: 'hours' | 'working_days' | string;
}

/** DOMAIN.md: a unit may return a wrongly dispatched case within 2 working days (configurable default). */
export const RETURN_WORKING_DAYS = 2;
/** DOMAIN.md: an extension is normally at most 10 working days. */
export const MAX_EXTENSION_DAYS = 10;

const HOUR = 3600 * 1000;

export function plusHours(at: string, hours: number): string {
  return new Date(new Date(at).getTime() + hours * HOUR).toISOString();
}

/** The end (23:59:59 Shanghai) of the N-th working day after the Shanghai date of `at`. */
export function endOfWorkingDay(at: string, n: number, overrides?: CalendarOverrides): string {
  const date = addWorkingDays(shanghaiDate(new Date(at)), n, overrides);
  return new Date(`${date}T23:59:59+08:00`).toISOString();
}

/** The deadlines set at dispatch (and at 重办, which restarts the handling clock). */
export function dispatchDeadlines(at: string, limits: CategoryLimits, overrides?: CalendarOverrides) {
  return {
    acceptDueAt: plusHours(at, limits.acceptHours),
    returnDueAt: endOfWorkingDay(at, RETURN_WORKING_DAYS, overrides),
    dueAt: handleDue(at, limits, overrides),
  };
}

export function handleDue(at: string, limits: CategoryLimits, overrides?: CalendarOverrides): string {
  return limits.handleUnit === 'hours'
    ? plusHours(at, limits.handleLimit)
    : endOfWorkingDay(at, limits.handleLimit, overrides);
}

/** The deadline after an approved extension of `days` working days. */
export function extendedDue(dueAt: string, days: number, overrides?: CalendarOverrides): string {
  return endOfWorkingDay(dueAt, days, overrides);
}

/** Overdue, derived: not yet accepted past the 签收 limit, or not yet answered past the 办理 limit. */
export function isOverdue(
  d: { status: string; acceptDueAt: string | null; dueAt: string | null },
  now: string,
): boolean {
  if (d.status === 'dispatched') return (d.acceptDueAt !== null && d.acceptDueAt < now) || (!!d.dueAt && d.dueAt < now);
  if (d.status === 'accepted') return d.dueAt !== null && d.dueAt < now;
  return false;
}
