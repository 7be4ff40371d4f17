import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Every problem write ends here, inside its transaction: the problem's due date is the earliest deadline
 * among its open measures (what overdue and the colours are derived from). Maintained figures hook in here.
 */
export async function afterProblemWrite(trx: Kysely<Database>, problemId: number): Promise<void> {
  const row = await trx
    .selectFrom('problemMeasures')
    .select((eb) => eb.fn.min('deadline').as('due'))
    .where('problemId', '=', problemId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  await trx.updateTable('problems').set({ dueDate: (row?.due as string | null) ?? null }).where('id', '=', problemId).execute();
}

/** afterProblemWrite for each of many problems written in one transaction (imports). */
export async function afterProblemWrites(trx: Kysely<Database>, problemIds: number[]): Promise<void> {
  for (const id of problemIds) await afterProblemWrite(trx, id);
}
