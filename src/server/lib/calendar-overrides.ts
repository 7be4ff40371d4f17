import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CalendarOverrides } from './working-days.ts';

/** The admin-entered workday/holiday corrections (calendar page), for deadlines counted in working days. */
export async function loadCalendarOverrides(db: Kysely<Database>): Promise<CalendarOverrides> {
  const rows = await db.selectFrom('calendarOverrides').select(['date', 'kind']).execute();
  return new Map(rows.map((r) => [r.date, r.kind as 'workday' | 'holiday']));
}
