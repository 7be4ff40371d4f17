import type { Ctx } from '../../../http/context.ts';
import { forbidden, invalidField } from '../../../errors.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { mayRecordDemand } from '../policy.ts';
import { insertDemand, type IntakeInput } from '../intake.ts';

/** Staff intake (12345热线, 网上留言, 来信来访, 走访发现) at a unit in the caller's scope. */
export async function createDemand(ctx: Ctx, input: IntakeInput & { orgId?: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const orgId = input.orgId ?? ctx.actor.orgId;
    if (!orgId) throw invalidField('orgId', '请选择受理单位');
    const org = await requireWritable(await visibleOrg(trx, ctx.actor.scope, orgId), () => anyOrg(trx, orgId), '单位');
    if (!mayRecordDemand(ctx.actor, org.path)) throw forbidden('您无权登记群众诉求');
    return insertDemand(trx, ctx.actor, { id: org.id, path: org.path }, input, ctx.actor.displayName);
  });
}
