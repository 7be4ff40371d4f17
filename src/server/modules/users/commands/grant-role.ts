import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField, notFound, grantExists } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { userPolicy } from '../policy.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';
import { type GrantInput, checkGrantShape } from './grant-shape.ts';

/** Grants a role with its data scope to an account. */
export async function grantRole(ctx: Ctx, userId: number, input: GrantInput): Promise<void> {
  authorize(userPolicy, 'grant', ctx.actor, null);
  checkGrantShape(input);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const user = await trx.selectFrom('users').select(['id', 'username']).where('id', '=', userId).executeTakeFirst();
      if (!user) throw notFound('账号');
      let orgPath: string | null = null;
      if (input.orgId) {
        const org = await trx
          .selectFrom('orgUnits')
          .select(['path', 'active'])
          .where('id', '=', input.orgId)
          .executeTakeFirst();
        if (!org?.active) throw invalidField('orgId', '“单位”不存在或已停用');
        orgPath = org.path;
      }
      let same = trx
        .selectFrom('roleGrants')
        .select('id')
        .where('userId', '=', userId)
        .where('role', '=', input.role)
        .where('scopeKind', '=', input.scopeKind);
      same = input.orgId ? same.where('orgId', '=', input.orgId) : same.where('orgId', 'is', null);
      if (await same.executeTakeFirst()) throw grantExists();
      const now = nowIso();
      const row = await trx
        .insertInto('roleGrants')
        .values({
          userId,
          role: input.role,
          scopeKind: input.scopeKind,
          orgId: input.orgId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx.actor, {
        action: 'grant',
        entityType: 'user',
        entityId: userId,
        entityLabel: user.username,
        orgPath,
        after: { grantId: row.id, ...input },
      });
    })
    .then(actorsChangedAfter(ctx.db));
}
