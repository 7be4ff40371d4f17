import type { Ctx } from '../../../http/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadReading, loadWritableCampaign } from '../campaign-fields.ts';

/** Removes a required reading. */
export async function deleteReading(ctx: Ctx, campaignId: number, id: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadWritableCampaign(ctx, trx, campaignId);
    const reading = await loadReading(trx, campaignId, id);
    await trx.deleteFrom('campaignReadings').where('id', '=', id).execute();
    await recordAudit(trx, ctx.actor, {
      action: 'delete',
      entityType: 'reading',
      entityId: id,
      entityLabel: reading.title,
      orgPath: campaign.orgPath,
      before: reading,
    });
  });
}
