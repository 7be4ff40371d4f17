import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { forbidden } from '../../../errors.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { canCreateFor } from '../policy.ts';
import { findCampaign, type CampaignRow } from '../repository.ts';
import { campaignValues, checkCampaign, type CampaignFields } from './campaign-values.ts';

/** Starts a campaign run by a unit the caller's office covers. */
export async function createCampaign(ctx: Ctx, input: CampaignFields & { orgId: number; name: string; startDate: string; endDate: string }): Promise<CampaignRow> {
  checkCampaign(input.startDate, input.endDate, input);
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(await visibleOrg(trx, ctx.actor.scope, input.orgId), () => anyOrg(trx, input.orgId), '牵头单位');
    if (!canCreateFor(ctx.actor, org.path)) throw forbidden();
    const now = nowIso();
    const row = await trx
      .insertInto('campaigns')
      .values({ orgId: org.id, name: input.name, startDate: input.startDate, endDate: input.endDate, ...campaignValues(input), createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const campaign = (await findCampaign(trx, row.id))!;
    const { orgName: _n, orgPath: _p, ...after } = campaign;
    await recordAudit(trx, ctx.actor, { action: 'create', entityType: 'campaign', entityId: campaign.id, entityLabel: campaign.name, orgPath: campaign.orgPath, after });
    return campaign;
  });
}
