import type { Ctx } from '../../../http/context.ts';
import { recordAudit, changedFields } from '../../audit/record-audit.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { campaignPolicy } from '../policy.ts';
import { findCampaign, findCampaignReadable, type CampaignRow } from '../repository.ts';
import { campaignValues, checkCampaign, type CampaignFields } from './campaign-values.ts';

/** Loads a campaign for a change: readable, else 403 when it exists, else 404. */
export async function loadForWrite(ctx: Ctx, db: Ctx['db'], id: number, action: string): Promise<CampaignRow> {
  const campaign = await requireWritable(await findCampaignReadable(db, ctx.actor, id), () => findCampaign(db, id), '主题教育');
  authorize(campaignPolicy, action, ctx.actor, campaign);
  return campaign;
}

/** Edits a campaign's configuration (dates, requirement, targets, work lines, focus areas, thresholds, status). */
export async function updateCampaign(ctx: Ctx, id: number, input: CampaignFields & { version: number }): Promise<CampaignRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadForWrite(ctx, trx, id, 'update');
    checkVersion(campaign.version, input.version);
    checkCampaign(input.startDate ?? campaign.startDate, input.endDate ?? campaign.endDate, input);
    const values = campaignValues(input);
    await updateVersioned(trx, 'campaigns', id, input.version, values);
    const after = (await findCampaign(trx, id))!;
    const diff = changedFields(campaign as unknown as Record<string, unknown>, values);
    await recordAudit(trx, ctx.actor, { action: 'update', entityType: 'campaign', entityId: id, entityLabel: after.name, orgPath: after.orgPath, ...diff });
    return after;
  });
}
