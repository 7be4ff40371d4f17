import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { notFound } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadUserFor } from './load-user.ts';

/** Revokes a token (kept, marked revoked, so the audit trail still names it). */
export async function revokeToken(ctx: Ctx, userId: number, tokenId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const user = await loadUserFor(trx, ctx.actor, 'manageTokens', userId);
    const token = await trx.selectFrom('apiTokens').select(['id', 'name', 'revokedAt']).where('id', '=', tokenId).where('userId', '=', userId).executeTakeFirst();
    if (!token || token.revokedAt) throw notFound('令牌');
    await trx.updateTable('apiTokens').set({ revokedAt: nowIso() }).where('id', '=', tokenId).execute();
    await recordAudit(trx, ctx.actor, { action: 'revoke_token', entityType: 'user', entityId: userId, entityLabel: user.username, orgPath: null, before: { tokenId, name: token.name } });
  });
}
