import { invalidField } from '../../../errors.ts';

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

/** Rules the schema cannot express: dates in order, each work line once. */
export function checkCampaign(startDate: string, endDate: string, input: CampaignFields): void {
  if (endDate < startDate) throw invalidField('endDate', '“结束日期”不能早于“开始日期”');
  const keys = (input.workLines ?? []).map((w) => w.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw invalidField('workLines', `“工作线”重复：${dup}`);
}

/** Column values for the given fields; lists are stored as JSON text. */
export function campaignValues(input: CampaignFields): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const key of ['batch', 'startDate', 'endDate', 'minStudyHours', 'warningDays', 'status'] as const) {
    if (input[key] !== undefined) v[key] = input[key];
  }
  if (input.name !== undefined) v.name = input.name.trim();
  if (input.generalRequirement !== undefined) v.generalRequirement = input.generalRequirement.trim();
  if (input.targets !== undefined) v.targets = JSON.stringify(input.targets.map((t) => t.trim()));
  if (input.focusAreas !== undefined) v.focusAreas = JSON.stringify(input.focusAreas.map((t) => t.trim()));
  if (input.workLines !== undefined) v.workLines = JSON.stringify(input.workLines.map((w) => ({ key: w.key, label: w.label.trim() })));
  return v;
}
