import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import { nowIso, today } from '../../../clock.ts';
import { configInPast, forbidden, notFound } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { campaignBrief } from '../../campaigns/public.ts';
import { mayConfigureRates } from '../policy.ts';
import type { RateConfigBody } from '../schemas.ts';

/** A new version of the 三率 weights, from its effective date on (never back-dated: past periods stay as scored). */
export async function addRateConfig(ctx: Ctx, body: Static<typeof RateConfigBody>): Promise<{ id: number }> {
  if (!mayConfigureRates(ctx.actor)) throw forbidden('只有办公室可以调整三率权重');
  if (body.effectiveFrom < today()) throw configInPast();
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await campaignBrief(trx, body.campaignId);
    if (!campaign) throw notFound('主题教育');
    const r = await trx
      .insertInto('demandRateConfigs')
      .values({ ...body, createdBy: ctx.actor.userId, createdAt: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'demand_rate_config',
      entityId: r.id,
      entityLabel: `三率权重 ${body.effectiveFrom} 起`,
      orgPath: null,
      after: body,
    });
    return { id: r.id };
  });
}
