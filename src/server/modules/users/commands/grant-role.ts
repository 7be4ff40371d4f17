import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField, notFound, grantExists, selfLockout } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { userPolicy } from '../policy.ts';
import type { Role, ScopeKind } from '../../../../shared/roles.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';

export interface GrantInput {
  role: Role;
  scopeKind: ScopeKind;
  orgId?: number | null;
}

/** Which scope kinds need a unit, and which roles may hold "all". */
function checkGrantShape(input: GrantInput): void {
  if (input.scopeKind === 'all' && input.role !== 'admin')
    throw invalidField('scopeKind', '只有系统管理员可以拥有“全部”数据范围');
  if (input.role === 'admin' && input.scopeKind !== 'all')
    throw invalidField('scopeKind', '系统管理员的数据范围只能是“全部”');
  if (input.scopeKind === 'subtree' && !input.orgId) throw invalidField('orgId', '“本单位及下级”范围需要选择单位');
  if ((input.scopeKind === 'group' || input.scopeKind === 'own' || input.scopeKind === 'all') && input.orgId) {
    throw invalidField('orgId', '该数据范围不需要选择单位');
  }
}

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
