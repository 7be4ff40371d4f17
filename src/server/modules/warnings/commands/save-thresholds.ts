import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { WARNING_KINDS } from '../kinds.ts';
import { warningPolicy } from '../policy.ts';

/** Sets some of a campaign's warning thresholds; each key must be a threshold of a registered kind, within its bounds. */
export function saveThresholds(ctx: Ctx, campaignId: number, values: Record<string, number>): Promise<void> {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await trx
      .selectFrom('campaigns')
      .innerJoin('orgUnits', 'orgUnits.id', 'campaigns.orgId')
      .select('orgUnits.path')
      .where('campaigns.id', '=', campaignId)
      .executeTakeFirst();
    if (!campaign) throw invalidField('campaignId', '“主题教育”不存在');
    authorize(warningPolicy, 'setThresholds', ctx.actor, { campaignOrgPath: campaign.path });
    const specs = new Map(WARNING_KINDS.flatMap((k) => k.thresholds ?? []).map((t) => [t.key, t]));
    for (const [key, value] of Object.entries(values)) {
      const spec = specs.get(key);
      if (!spec) throw invalidField(`values.${key}`, `没有名为“${key}”的预警阈值`);
      if (value < spec.min || value > spec.max)
        throw invalidField(`values.${key}`, `“${spec.label}”须在 ${spec.min} 至 ${spec.max} 之间`);
    }
    for (const [key, value] of Object.entries(values)) {
      await trx.deleteFrom('warningThresholds').where('campaignId', '=', campaignId).where('key', '=', key).execute();
      await trx.insertInto('warningThresholds').values({ campaignId, key, value, updatedAt: nowIso() }).execute();
    }
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'warning_thresholds',
      entityId: campaignId,
      entityLabel: '预警阈值',
      orgPath: campaign.path,
      after: values,
    });
  });
}
