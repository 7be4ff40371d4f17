import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { alreadyCoHandler, invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { demandPolicy } from '../policy.ts';
import { findDemand, findDemandAnywhere, recordEvent } from '../repository.ts';

/** 首接负责制: the first unit leads; others are added as co-handlers and see the demand too. */
export async function addCoHandler(ctx: Ctx, id: number, orgId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const d = await requireWritable(await findDemand(trx, ctx.actor, id), () => findDemandAnywhere(trx, id), '诉求');
    authorize(demandPolicy, 'addCoHandler', ctx.actor, d);
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, orgId),
      () => anyOrg(trx, orgId),
      '协办单位',
    );
    if (org.id === d.orgId) throw invalidField('orgId', '协办单位不能是承办单位本身');
    const exists = await trx
      .selectFrom('demandCoHandlers')
      .select('orgId')
      .where('demandId', '=', id)
      .where('orgId', '=', org.id)
      .executeTakeFirst();
    if (exists) throw alreadyCoHandler();
    await trx.insertInto('demandCoHandlers').values({ demandId: id, orgId: org.id, orgPath: org.path }).execute();
    const now = nowIso();
    await recordEvent(trx, {
      demandId: id,
      action: 'add_co_handler',
      fromStatus: d.status,
      toStatus: d.status,
      orgId: org.id,
      note: `增加协办单位：${org.name}`,
      actorName: ctx.actor.displayName,
      at: now,
    });
    await recordAudit(trx, ctx.actor, {
      action: 'add_co_handler',
      entityType: 'demand',
      entityId: id,
      entityLabel: d.trackingCode,
      orgPath: d.orgPath ?? d.intakePath,
      after: { orgId: org.id },
    });
  });
}
