import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import type { Role, ScopeKind } from '../../../../shared/roles.ts';
import { anyOrg } from '../../orgs/public.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadUserFor } from './load-user.ts';

export interface GrantInput {
  role: Role;
  orgId?: number | null;
  scopeKind: ScopeKind;
}

/** Which org a grant may carry for its scope kind, or a field error. */
function checkShape(input: GrantInput): void {
  if (input.scopeKind === 'all' && input.role !== 'admin') throw invalidField('scopeKind', '只有系统管理员可以拥有“全部”数据范围');
  if (input.role === 'admin' && input.scopeKind !== 'all') throw invalidField('scopeKind', '系统管理员的数据范围必须是“全部”');
  if (input.scopeKind === 'subtree' && !input.orgId) throw invalidField('orgId', '“本单位及下级”范围必须指定单位');
  if ((input.scopeKind === 'group' || input.scopeKind === 'own' || input.scopeKind === 'all') && input.orgId)
    throw invalidField('orgId', '该数据范围不需要指定单位');
}

/** Gives an account a role with a data scope; takes effect on the account's next request. */
export async function addGrant(ctx: Ctx, userId: number, input: GrantInput) {
  checkShape(input);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await loadUserFor(trx, ctx.actor, 'grant', userId);
    let orgId = input.orgId ?? null;
    if (orgId && !(await anyOrg(trx, orgId))) throw invalidField('orgId', '单位不存在');
    if (input.scopeKind === 'assigned' && !orgId) {
      // "assigned" without a unit means the person's own unit.
      const person = user.personId ? await trx.selectFrom('people').select('orgId').where('id', '=', user.personId).executeTakeFirst() : undefined;
      if (!person) throw invalidField('orgId', '该账号未关联人员，请指定单位');
      orgId = person.orgId;
    }
    const now = nowIso();
    const row = await trx
      .insertInto('roleGrants')
      .values({ userId, role: input.role, orgId, scopeKind: input.scopeKind, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const grant = { id: row.id, role: input.role, orgId, scopeKind: input.scopeKind };
    await recordAudit(trx, ctx.actor, { action: 'grant', entityType: 'user', entityId: userId, entityLabel: user.username, orgPath: null, after: grant });
    return grant;
  });
}
