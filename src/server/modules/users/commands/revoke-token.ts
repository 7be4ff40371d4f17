import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { userPolicy } from '../policy.ts';

/** Revokes a token: it stops working on the next request. */
export async function revokeToken(ctx: Ctx, userId: number, tokenId: number): Promise<void> {
  authorize(userPolicy, 'manageTokens', ctx.actor, null);
  await ctx.db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom('apiTokens')
      .select(['id', 'name'])
      .where('id', '=', tokenId)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (!token) throw notFound('令牌');
    await trx.updateTable('apiTokens').set({ revokedAt: nowIso() }).where('id', '=', tokenId).execute();
    await recordAudit(trx, ctx.actor, {
      action: 'revoke_token',
      entityType: 'user',
      entityId: userId,
      entityLabel: token.name,
      orgPath: null,
      before: { tokenId, name: token.name },
    });
  });
}
