import type { Ctx } from '../../../http/context.ts';
import { notFound } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadUserFor } from './load-user.ts';

/** Takes a role away; the account's next request already runs without it. */
export async function removeGrant(ctx: Ctx, userId: number, grantId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const user = await loadUserFor(trx, ctx.actor, 'grant', userId);
    const grant = await trx.selectFrom('roleGrants').select(['id', 'role', 'orgId', 'scopeKind']).where('id', '=', grantId).where('userId', '=', userId).executeTakeFirst();
    if (!grant) throw notFound('授权');
    await trx.deleteFrom('roleGrants').where('id', '=', grantId).execute();
    await recordAudit(trx, ctx.actor, { action: 'revoke', entityType: 'user', entityId: userId, entityLabel: user.username, orgPath: null, before: grant });
  });
}
