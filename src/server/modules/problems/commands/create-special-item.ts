import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { requireCampaign } from '../../campaigns/public.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { specialItemPolicy } from '../policy.ts';
import { insertSpecialItem } from '../special-items.ts';

/** Opens a 专项整治 list led by a unit the caller manages. */
export function createSpecialItem(
  ctx: Ctx,
  input: { campaignId: number; name: string; leadOrgId: number; description?: string },
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.leadOrgId),
      () => anyOrg(trx, input.leadOrgId),
      '牵头单位',
    );
    authorize(specialItemPolicy, 'create', ctx.actor, { orgPath: org.path });
    const campaign = await requireCampaign(trx, input.campaignId);
    const row = await insertSpecialItem(trx, {
      campaignId: campaign.id,
      name: input.name.trim(),
      leadOrgId: org.id,
      orgPath: org.path,
      description: input.description ?? '',
      now: nowIso(),
    });
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'special_item',
      entityId: row.id,
      entityLabel: input.name,
      orgPath: org.path,
      after: input,
    });
    return row.id;
  });
}
