import type { Generated } from 'kysely';

/** Corrections to the official holiday calendar, which deadlines in working days follow. */
export interface CalendarTables {
  calendarOverrides: { id: Generated<number>; date: string; kind: string; note: Generated<string>; createdAt: string };
}
