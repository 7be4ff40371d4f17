/**
 * The product's today: the calendar day in Asia/Shanghai, as the server counts it (clock.ts). A browser set to
 * another zone (a laptop abroad, a test machine on UTC) would otherwise default a form to yesterday or refuse
 * the server's today as "in the future" for eight hours a day.
 */
import dayjs, { type Dayjs } from 'dayjs';

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function todayText(): string {
  return SHANGHAI_DAY.format(new Date());
}

/** Today in Asia/Shanghai as a date-only Dayjs, for date pickers' defaults and bounds. */
export function today(): Dayjs {
  return dayjs(todayText());
}
