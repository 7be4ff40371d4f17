import type { Ctx } from '../../../http/context.ts';
import { viewerOf } from '../viewer.ts';
import { type CommitInput, insertCommitment } from '../commitments.ts';

export async function commitDraw(ctx: Ctx, input: CommitInput): Promise<{ id: number }> {
  const viewer = await viewerOf(ctx.db, ctx.actor);
  return ctx.db.transaction().execute((trx) => insertCommitment(trx, viewer, input));
}
