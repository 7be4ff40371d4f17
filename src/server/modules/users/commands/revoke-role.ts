import type { Ctx } from '../../../http/context.ts';
import { notFound, selfLockout } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { userPolicy } from '../policy.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';

/** Takes a role grant away. */
export async function revokeRole(ctx: Ctx, userId: number, grantId: number): Promise<void> {
  authorize(userPolicy, 'grant', ctx.actor, null);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const grant = await trx
        .selectFrom('roleGrants')
        .innerJoin('users', 'users.id', 'roleGrants.userId')
        .select(['roleGrants.id', 'roleGrants.role', 'roleGrants.scopeKind', 'roleGrants.orgId', 'users.username'])
        .where('roleGrants.id', '=', grantId)
        .where('roleGrants.userId', '=', userId)
        .executeTakeFirst();
      if (!grant) throw notFound('角色授权');
      if (grant.role === 'admin' && userId === ctx.actor.userId) throw selfLockout();
      await trx.deleteFrom('roleGrants').where('id', '=', grantId).execute();
      await recordAudit(trx, ctx.actor, {
        action: 'revoke',
        entityType: 'user',
        entityId: userId,
        entityLabel: grant.username,
        orgPath: null,
        before: { grantId, role: grant.role, scopeKind: grant.scopeKind, orgId: grant.orgId },
      });
    })
    .then(actorsChangedAfter(ctx.db));
}
