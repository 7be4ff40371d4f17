import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { recordAudit, changedFields } from '../../audit/record-audit.ts';
import { notFound } from '../../../errors.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { findReading, nextReadingOrder, type CampaignRow, type ReadingRow } from '../repository.ts';
import { loadForWrite } from './update-campaign.ts';

export interface ReadingFields {
  title?: string;
  source?: string;
  sortOrder?: number;
}

function readingValues(input: ReadingFields): Partial<ReadingRow> {
  const v: Partial<ReadingRow> = {};
  if (input.title !== undefined) v.title = input.title.trim();
  if (input.source !== undefined) v.source = input.source.trim();
  if (input.sortOrder !== undefined) v.sortOrder = input.sortOrder;
  return v;
}

/** Adds a required reading (必学篇目) to a campaign. */
export async function createReading(ctx: Ctx, campaignId: number, input: ReadingFields & { title: string }): Promise<{ campaign: CampaignRow; reading: ReadingRow }> {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadForWrite(ctx, trx, campaignId, 'manageReadings');
    const now = nowIso();
    const sortOrder = input.sortOrder ?? (await nextReadingOrder(trx, campaignId));
    const row = await trx
      .insertInto('campaignReadings')
      .values({ campaignId, title: '', ...readingValues(input), sortOrder, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reading = (await findReading(trx, campaignId, row.id))!;
    await recordAudit(trx, ctx.actor, { action: 'create', entityType: 'campaign_reading', entityId: reading.id, entityLabel: reading.title, orgPath: campaign.orgPath, after: reading });
    return { campaign, reading };
  });
}

/** Edits a required reading. */
export async function updateReading(ctx: Ctx, campaignId: number, id: number, input: ReadingFields & { version: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadForWrite(ctx, trx, campaignId, 'manageReadings');
    const reading = await findReading(trx, campaignId, id);
    if (!reading) throw notFound('必学篇目');
    checkVersion(reading.version, input.version);
    const values = readingValues(input);
    await updateVersioned(trx, 'campaignReadings', id, input.version, values);
    const after = (await findReading(trx, campaignId, id))!;
    await recordAudit(trx, ctx.actor, { action: 'update', entityType: 'campaign_reading', entityId: id, entityLabel: after.title, orgPath: campaign.orgPath, ...changedFields(reading, values) });
    return { campaign, reading: after };
  });
}

/** Removes a required reading. */
export async function deleteReading(ctx: Ctx, campaignId: number, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadForWrite(ctx, trx, campaignId, 'manageReadings');
    const reading = await findReading(trx, campaignId, id);
    if (!reading) throw notFound('必学篇目');
    await trx.deleteFrom('campaignReadings').where('id', '=', id).execute();
    await recordAudit(trx, ctx.actor, { action: 'delete', entityType: 'campaign_reading', entityId: id, entityLabel: reading.title, orgPath: campaign.orgPath, before: reading });
  });
}
