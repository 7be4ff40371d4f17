import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { campaignPolicy } from '../policy.ts';
import { findCampaign, type CampaignRow } from '../repository.ts';
import { checkDates, checkWorkLines, columnsOf, type CampaignFields } from '../campaign-fields.ts';

/** Starts a campaign run by a unit in the caller's scope. */
export async function createCampaign(
  ctx: Ctx,
  input: CampaignFields & { orgId: number; name: string; startDate: string; endDate: string },
): Promise<CampaignRow> {
  checkDates(input.startDate, input.endDate);
  checkWorkLines(input.workLines);
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '牵头单位',
    );
    authorize(campaignPolicy, 'update', ctx.actor, { orgPath: org.path });
    const { orgId, ...fields } = input;
    const now = nowIso();
    const row = await trx
      .insertInto('campaigns')
      .values({ ...columnsOf(fields), orgId, createdAt: now, updatedAt: now } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const campaign = (await findCampaign(trx, ctx.actor, row.id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'campaign',
      entityId: row.id,
      entityLabel: campaign.name,
      orgPath: campaign.orgPath,
      after: fields,
    });
    return campaign;
  });
}
