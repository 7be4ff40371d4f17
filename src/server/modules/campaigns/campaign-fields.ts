import type { Ctx } from '../../http/context.ts';
import { invalidField, notFound } from '../../errors.ts';
import { authorize } from '../../policies/engine.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { campaignPolicy } from './policy.ts';
import { findCampaign, findCampaignAnywhere, type CampaignRow } from './repository.ts';

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

export function columnsOf(input: CampaignFields): Record<string, unknown> {
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

export function checkDates(startDate: string, endDate: string): void {
  if (endDate < startDate) throw invalidField('endDate', '“结束日期”不能早于“开始日期”');
}

// Each work line appears once: figures and dashboards are keyed by it.
export function checkWorkLines(workLines: CampaignFields['workLines']): void {
  const keys = (workLines ?? []).map((w) => w.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw invalidField('workLines', `“工作线”不能重复：${dup}`);
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

export interface ReadingFields {
  title?: string;
  source?: string;
  sortOrder?: number;
}

/** A required reading of the campaign, or 404 (a reading of another campaign is not this one's). */
export async function loadReading(trx: Ctx['db'], campaignId: number, id: number) {
  const reading = await trx
    .selectFrom('campaignReadings')
    .selectAll()
    .where('id', '=', id)
    .where('campaignId', '=', campaignId)
    .executeTakeFirst();
  if (!reading) throw notFound('必学篇目');
  return reading;
}
