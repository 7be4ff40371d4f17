import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { syncTallies, untally } from '../../db/subtree-tally.ts';
import { problemTally } from './tally.ts';

/**
 * Every problem write ends here, inside its transaction: the problem's due date is the earliest deadline
 * among its open measures (what overdue and the colours are derived from), then the maintained figures of
 * every unit above it are brought in line (db/subtree-tally.ts).
 */
export function afterProblemWrite(trx: Kysely<Database>, problemId: number): Promise<void> {
  return afterProblemWrites(trx, [problemId]);
}

/**
 * After a write that leaves the measures alone (a lifecycle transition): the due date cannot have changed,
 * so only the maintained figures are brought in line.
 */
export function afterProblemStatusWrite(trx: Kysely<Database>, problemId: number): Promise<void> {
  return syncTallies(trx, problemTally, [problemId]);
}

/** Before a problem row is deleted: takes it out of the maintained figures. */
export async function beforeProblemDelete(trx: Kysely<Database>, problemId: number): Promise<void> {
  await untally(trx, problemTally, problemId);
}

/** afterProblemWrite for many problems written in one transaction (imports): a few statements per 500. */
export async function afterProblemWrites(trx: Kysely<Database>, problemIds: number[]): Promise<void> {
  for (let i = 0; i < problemIds.length; i += 500) {
    const chunk = problemIds.slice(i, i + 500);
    await trx
      .updateTable('problems')
      .set((eb) => ({
        dueDate: eb
          .selectFrom('problemMeasures')
          .select((m) => m.fn.min<string>('deadline').as('due'))
          .whereRef('problemMeasures.problemId', '=', 'problems.id')
          .where('problemMeasures.status', '=', 'open'),
      }))
      .where('id', 'in', chunk)
      .execute();
  }
  await syncTallies(trx, problemTally, problemIds);
}
