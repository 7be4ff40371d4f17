import type { Ctx } from '../../../http/context.ts';
import { insertTask, type CreateTaskInput } from '../task-insert.ts';

export function createTask(ctx: Ctx, input: CreateTaskInput): Promise<number> {
  return ctx.db.transaction().execute((trx) => insertTask(trx, ctx, input));
}
