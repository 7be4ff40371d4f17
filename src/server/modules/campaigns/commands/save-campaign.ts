import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { warningDaysCache } from '../public.ts';
import { recordAudit, changedFields } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { campaignPolicy } from '../policy.ts';
import { findCampaign, findCampaignAnywhere, type CampaignRow } from '../repository.ts';

export interface CampaignFields {
  name?: string;
  batch?: string | null;
  startDate?: string;
  endDate?: string;
  generalRequirement?: string;
  targets?: string[];
  workLines?: Array<{ key: string; label: string }>;
  focusAreas?: string[];
  minStudyHours?: number;
  warningDays?: number;
  status?: string;
}

function columnsOf(input: CampaignFields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    values[key] = Array.isArray(value)
      ? JSON.stringify(value.map((v) => (typeof v === 'string' ? v.trim() : v)))
      : typeof value === 'string'
        ? value.trim()
        : value;
  }
  return values;
}

function checkDates(startDate: string, endDate: string): void {
  if (endDate < startDate) throw invalidField('endDate', '“结束日期”不能早于“开始日期”');
}

// Each work line appears once: figures and dashboards are keyed by it.
function checkWorkLines(workLines: CampaignFields['workLines']): void {
  const keys = (workLines ?? []).map((w) => w.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw invalidField('workLines', `“工作线”不能重复：${dup}`);
}

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

/** Changes any part of a campaign's configuration. */
export async function updateCampaign(
  ctx: Ctx,
  id: number,
  input: CampaignFields & { version: number },
): Promise<CampaignRow> {
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const campaign = await requireWritable(
      await findCampaign(trx, ctx.actor, id),
      () => findCampaignAnywhere(trx, id),
      '主题教育',
    );
    authorize(campaignPolicy, 'update', ctx.actor, campaign);
    checkVersion(campaign.version, input.version);
    const { version, ...fields } = input;
    checkDates(fields.startDate ?? campaign.startDate, fields.endDate ?? campaign.endDate);
    checkWorkLines(fields.workLines);
    const values = columnsOf(fields);
    await updateVersioned(trx, 'campaigns', id, version, values);
    const after = (await findCampaign(trx, ctx.actor, id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'campaign',
      entityId: id,
      entityLabel: after.name,
      orgPath: after.orgPath,
      ...changedFields(campaign as Record<string, unknown>, values),
    });
    return after;
  });
  // Committed: lists and figures judge colours by the new warning days from the next request on.
  warningDaysCache(ctx.db).delete(id);
  return saved;
}

/** The campaign the caller may configure, or 403/404. */
export async function loadWritableCampaign(ctx: Ctx, trx: Ctx['db'], id: number): Promise<CampaignRow> {
  const campaign = await requireWritable(
    await findCampaign(trx, ctx.actor, id),
    () => findCampaignAnywhere(trx, id),
    '主题教育',
  );
  authorize(campaignPolicy, 'update', ctx.actor, campaign);
  return campaign;
}
