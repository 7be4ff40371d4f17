import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { notFound, outOfScope, versionConflict } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { campaignExists, visibleCampaign } from '../../campaigns/public.ts';
import { reminderRulePolicy } from '../policy.ts';
import { presentRule } from '../presenter.ts';
import { ruleOf } from '../repository.ts';
import type { ReminderRuleBody } from '../schemas.ts';

/**
 * Sets a campaign's reminder rule in working days (F6/F15). The first save writes the campaign's own row
 * (version 0 = "still the defaults"); later saves need the version the caller saw.
 */
export async function saveReminderRule(ctx: Ctx, campaignId: number, body: Static<typeof ReminderRuleBody>) {
  const campaign = await visibleCampaign(ctx.db, ctx.actor, campaignId);
  if (!campaign) throw (await campaignExists(ctx.db, campaignId)) ? outOfScope() : notFound('主题教育');
  authorize(reminderRulePolicy, 'update', ctx.actor, campaign);
  const values = {
    enabled: body.enabled ? 1 : 0,
    beforeDays: body.beforeDays,
    chiefAfterDays: body.chiefAfterDays,
    upAfterDays: body.upAfterDays,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const before = await ruleOf(trx, campaignId);
    if ((before?.version ?? 0) !== body.version) throw versionConflict();
    if (before) await updateVersioned(trx, 'reminderRules', before.id, body.version, values);
    else {
      const now = nowIso();
      // A second first save of the same campaign meets the unique campaign_id: nothing written, a 409.
      const row = await trx
        .insertInto('reminderRules')
        .values({ campaignId, ...values, createdAt: now, updatedAt: now })
        .onConflict((oc) => oc.column('campaignId').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) throw versionConflict();
    }
    await recordAudit(trx, ctx.actor, {
      action: before ? 'update' : 'create',
      entityType: 'reminder_rule',
      entityId: campaignId,
      entityLabel: campaign.name,
      orgPath: campaign.orgPath,
      before: before
        ? {
            enabled: before.enabled === 1,
            beforeDays: before.beforeDays,
            chiefAfterDays: before.chiefAfterDays,
            upAfterDays: before.upAfterDays,
          }
        : undefined,
      after: { ...values, enabled: body.enabled },
    });
    return presentRule(ctx.actor, campaign, await ruleOf(trx, campaignId));
  });
}
