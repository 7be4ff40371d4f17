import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { notFound } from '../../../errors.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadWritableCampaign } from './save-campaign.ts';

export interface ReadingFields {
  title?: string;
  source?: string;
  sortOrder?: number;
}

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

/** Edits a required reading. */
export async function updateReading(
  ctx: Ctx,
  campaignId: number,
  id: number,
  input: ReadingFields & { version: number },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadWritableCampaign(ctx, trx, campaignId);
    const reading = await trx
      .selectFrom('campaignReadings')
      .selectAll()
      .where('id', '=', id)
      .where('campaignId', '=', campaignId)
      .executeTakeFirst();
    if (!reading) throw notFound('必学篇目');
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
