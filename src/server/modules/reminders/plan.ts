/**
 * When each reminder of an item is due, in working days (F6/F13): N days before the deadline to the 责任人;
 * on the first working day it is overdue to the 责任人 and the 分管领导; M working days later to the unit's
 * 第一责任人; K more to the upper unit's 第一责任人 (上追一级). Pure: the run and the tests share it.
 */
import { addDays } from '../../clock.ts';
import { addWorkingDays, isWorkingDay, type CalendarOverrides } from '../../lib/working-days.ts';

export interface ReminderRule {
  beforeDays: number;
  chiefAfterDays: number;
  upAfterDays: number;
}

export const DEFAULT_RULE: ReminderRule = { beforeDays: 3, chiefAfterDays: 2, upAfterDays: 3 };

export const STEPS = ['before', 'overdue', 'chief', 'up'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  before: '即将到期',
  overdue: '已逾期',
  chief: '逾期未改（报第一责任人）',
  up: '逾期未改（上追一级）',
};

/** N working days before a date (the date itself does not count). */
export function subtractWorkingDays(from: string, n: number, cal: CalendarOverrides): string {
  let date = from;
  let left = n;
  while (left > 0) {
    date = addDays(date, -1);
    if (isWorkingDay(date, cal)) left--;
  }
  return date;
}

/** The first working day after a date. */
export function nextWorkingDay(from: string, cal: CalendarOverrides): string {
  return addWorkingDays(from, 1, cal);
}

/** The day each step becomes due for a deadline. */
export function stepDates(deadline: string, rule: ReminderRule, cal: CalendarOverrides): Record<Step, string> {
  const overdue = nextWorkingDay(deadline, cal);
  const chief = addWorkingDays(overdue, rule.chiefAfterDays, cal);
  return {
    before: subtractWorkingDays(deadline, rule.beforeDays, cal),
    overdue,
    chief,
    up: addWorkingDays(chief, rule.upAfterDays, cal),
  };
}

/**
 * The steps due on `today`. Nothing goes out on a rest day; a step missed while nobody ran the schedule is
 * still due later (each is sent once, by its claim), except "before", which has no point past the deadline.
 */
export function dueSteps(deadline: string, today: string, rule: ReminderRule, cal: CalendarOverrides): Step[] {
  if (!isWorkingDay(today, cal)) return [];
  const at = stepDates(deadline, rule, cal);
  return STEPS.filter((s) => (s === 'before' ? today >= at.before && today <= deadline : today >= at[s]));
}

/** The latest deadline that can have a step due today: reminders need look no further ahead. */
export function horizon(today: string, rules: ReminderRule[], cal: CalendarOverrides): string {
  const most = Math.max(DEFAULT_RULE.beforeDays, ...rules.map((r) => r.beforeDays));
  return addWorkingDays(today, most, cal);
}
