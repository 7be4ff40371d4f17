import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { ancestorPaths } from '../../db/scope.ts';
import { orgVisible } from '../orgs/public.ts';

export const campaignColumns = [
  'campaigns.id',
  'campaigns.name',
  'campaigns.batch',
  'campaigns.startDate',
  'campaigns.endDate',
  'campaigns.generalRequirement',
  'campaigns.targets',
  'campaigns.workLines',
  'campaigns.focusAreas',
  'campaigns.minStudyHours',
  'campaigns.warningDays',
  'campaigns.status',
  'campaigns.orgId',
  'orgUnits.name as orgName',
  'orgUnits.path as orgPath',
  'campaigns.version',
] as const;

/**
 * Campaigns the caller takes part in: those run by a unit above (or at) the caller's own unit, and those
 * whose running unit lies inside the caller's scope.
 */
export function campaignBase(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('campaigns')
    .innerJoin('orgUnits', 'orgUnits.id', 'campaigns.orgId')
    .where((eb) => {
      const parts = [orgVisible(actor.scope)(eb)];
      if (actor.orgPath) parts.push(eb('orgUnits.path', 'in', ancestorPaths(actor.orgPath)));
      return eb.or(parts);
    });
}

export function findCampaign(db: Kysely<Database>, actor: Actor, id: number) {
  return campaignBase(db, actor).select(campaignColumns).where('campaigns.id', '=', id).executeTakeFirst();
}

export function findCampaignAnywhere(db: Kysely<Database>, id: number) {
  return db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst();
}

export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export function readingsOf(db: Kysely<Database>, campaignId: number) {
  return db
    .selectFrom('campaignReadings')
    .select(['id', 'campaignId', 'title', 'source', 'sortOrder', 'version'])
    .where('campaignId', '=', campaignId)
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
}
