import type { Ctx } from '../../../http/context.ts';
import { notFound } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadWritableCampaign } from './campaign-fields.ts';

/** Removes a required reading. */
export async function deleteReading(ctx: Ctx, campaignId: number, id: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadWritableCampaign(ctx, trx, campaignId);
    const reading = await trx
      .selectFrom('campaignReadings')
      .selectAll()
      .where('id', '=', id)
      .where('campaignId', '=', campaignId)
      .executeTakeFirst();
    if (!reading) throw notFound('必学篇目');
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
