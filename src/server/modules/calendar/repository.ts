import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const overrideColumns = ['id', 'date', 'kind', 'note'] as const;

/** Every correction, by date (a handful a year: the list is not paged). */
export function listOverrides(db: Kysely<Database>) {
  return db.selectFrom('calendarOverrides').select(overrideColumns).orderBy('date').execute();
}

export function findOverrideByDate(db: Kysely<Database>, date: string) {
  return db.selectFrom('calendarOverrides').select('id').where('date', '=', date).executeTakeFirst();
}

export function findOverride(db: Kysely<Database>, id: number) {
  return db.selectFrom('calendarOverrides').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertOverride(db: Kysely<Database>, values: { date: string; kind: string; note: string }, at: string) {
  return db
    .insertInto('calendarOverrides')
    .values({ ...values, createdAt: at })
    .returning(overrideColumns)
    .executeTakeFirstOrThrow();
}

export async function deleteOverrideRow(db: Kysely<Database>, id: number) {
  await db.deleteFrom('calendarOverrides').where('id', '=', id).execute();
}
