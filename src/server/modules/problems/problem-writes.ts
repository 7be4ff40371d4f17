import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { syncTally, untally } from '../../db/subtree-tally.ts';
import { problemTally } from './tally.ts';

/**
 * Every problem write ends here, inside its transaction: the problem's due date is the earliest deadline
 * among its open measures (what overdue and the colours are derived from), then the maintained figures of
 * every unit above it are brought in line (db/subtree-tally.ts).
 */
export async function afterProblemWrite(trx: Kysely<Database>, problemId: number): Promise<void> {
  await trx
    .updateTable('problems')
    .set((eb) => ({ dueDate: eb.selectFrom('problemMeasures').select((m) => m.fn.min<string>('deadline').as('due')).where('problemId', '=', problemId).where('status', '=', 'open') }))
    .where('id', '=', problemId)
    .execute();
  await syncTally(trx, problemTally, problemId);
}

/** Before a problem row is deleted: takes it out of the maintained figures. */
export async function beforeProblemDelete(trx: Kysely<Database>, problemId: number): Promise<void> {
  await untally(trx, problemTally, problemId);
}
