import type { Ctx } from '../../../http/context.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { warningDaysCache } from '../public.ts';
import { recordAudit, changedFields } from '../../audit/record-audit.ts';
import { findCampaign, type CampaignRow } from '../repository.ts';
import {
  checkDates,
  checkWorkLines,
  columnsOf,
  loadWritableCampaign,
  type CampaignFields,
} from '../campaign-fields.ts';

/** Changes any part of a campaign's configuration. */
export async function updateCampaign(
  ctx: Ctx,
  id: number,
  input: CampaignFields & { version: number },
): Promise<CampaignRow> {
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadWritableCampaign(ctx, trx, id);
    checkVersion(campaign.version, input.version);
    const { version, ...fields } = input;
    checkDates(fields.startDate ?? campaign.startDate, fields.endDate ?? campaign.endDate);
    checkWorkLines(fields.workLines);
    const values = columnsOf(fields);
    await updateVersioned(trx, 'campaigns', id, version, values);
    const after = (await findCampaign(trx, ctx.actor, id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'campaign',
      entityId: id,
      entityLabel: after.name,
      orgPath: after.orgPath,
      ...changedFields(campaign as Record<string, unknown>, values),
    });
    return after;
  });
  // Committed: lists and figures judge colours by the new warning days from the next request on.
  warningDaysCache(ctx.db).delete(id);
  return saved;
}
