import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { campaignPolicy } from './policy.ts';
import type { CampaignRow, ReadingRow } from './repository.ts';

function parseList<T>(text: string): T[] {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** The public shape of a campaign, with its JSON lists parsed. */
export function presentCampaign(actor: Actor, c: CampaignRow) {
  return {
    id: c.id,
    name: c.name,
    batch: c.batch,
    startDate: c.startDate,
    endDate: c.endDate,
    generalRequirement: c.generalRequirement,
    targets: parseList<string>(c.targets),
    workLines: parseList<{ key: string; label: string }>(c.workLines),
    focusAreas: parseList<string>(c.focusAreas),
    minStudyHours: c.minStudyHours,
    warningDays: c.warningDays,
    status: c.status,
    orgId: c.orgId,
    orgName: c.orgName,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    abilities: abilitiesOf(campaignPolicy, actor, c),
  };
}

/** A required reading; abilities follow its campaign. */
export function presentReading(actor: Actor, campaign: CampaignRow, r: ReadingRow) {
  const canEdit = campaignPolicy.manageReadings(actor, campaign);
  return { id: r.id, campaignId: r.campaignId, title: r.title, source: r.source, sortOrder: r.sortOrder, version: r.version, abilities: { update: canEdit, delete: canEdit } };
}
