import type { Ctx } from '../../../http/context.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadReading, loadWritableCampaign, type ReadingFields } from '../campaign-fields.ts';

/** Edits a required reading. */
export async function updateReading(
  ctx: Ctx,
  campaignId: number,
  id: number,
  input: ReadingFields & { version: number },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadWritableCampaign(ctx, trx, campaignId);
    const reading = await loadReading(trx, campaignId, id);
    checkVersion(reading.version, input.version);
    const { version, ...fields } = input;
    const values = Object.fromEntries(
      Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
    );
    await updateVersioned(trx, 'campaignReadings', id, version, values);
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'reading',
      entityId: id,
      entityLabel: reading.title,
      orgPath: campaign.orgPath,
      before: reading,
      after: values,
    });
  });
}
