import type { Ctx } from '../../../http/context.ts';
import type { ProblemRow } from '../repository.ts';
import { type CreateProblemInput, insertProblem } from '../problem-insert.ts';

/** Records a problem (待审核) with its measures, in its own transaction. */
export function createProblem(ctx: Ctx, input: CreateProblemInput): Promise<ProblemRow> {
  return ctx.db.transaction().execute((trx) => insertProblem(trx, ctx, input));
}
