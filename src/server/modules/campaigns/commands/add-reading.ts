import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadWritableCampaign, type ReadingFields } from '../campaign-fields.ts';

/** Adds a required reading (必学篇目). */
export async function addReading(ctx: Ctx, campaignId: number, input: ReadingFields & { title: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadWritableCampaign(ctx, trx, campaignId);
    const now = nowIso();
    const last = await trx
      .selectFrom('campaignReadings')
      .select((eb) => eb.fn.max('sortOrder').as('m'))
      .where('campaignId', '=', campaignId)
      .executeTakeFirst();
    const values = {
      campaignId,
      title: input.title.trim(),
      source: (input.source ?? '').trim(),
      sortOrder: input.sortOrder ?? Number(last?.m ?? 0) + 10,
      createdAt: now,
      updatedAt: now,
    };
    const row = await trx.insertInto('campaignReadings').values(values).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'reading',
      entityId: row.id,
      entityLabel: values.title,
      orgPath: campaign.orgPath,
      after: values,
    });
    return row.id;
  });
}
