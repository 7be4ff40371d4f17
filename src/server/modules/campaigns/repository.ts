import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import type { CampaignTable, CampaignReadingTable } from './tables.ts';
import { inScope } from '../../db/scope.ts';

export type CampaignRow = Selectable<CampaignTable> & { orgName: string; orgPath: string };
export type ReadingRow = Selectable<CampaignReadingTable>;

const campaignColumns = [
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
  'campaigns.version',
  'campaigns.createdAt',
  'campaigns.updatedAt',
  'orgUnits.name as orgName',
  'orgUnits.path as orgPath',
] as const;

/** Every ancestor path of a unit path, itself included: "/1/2/5/" → "/1/", "/1/2/", "/1/2/5/". */
function ancestorPaths(path: string | null): string[] {
  if (!path) return [];
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/**
 * Campaigns the caller may read: run by a unit above (or at) the caller's own unit, or by a unit inside
 * the caller's scope. Both are index lookups on org_units.path.
 */
export function readableCampaigns(db: Kysely<Database>, actor: Actor) {
  const ancestors = ancestorPaths(actor.orgPath);
  return db
    .selectFrom('campaigns')
    .innerJoin('orgUnits', 'orgUnits.id', 'campaigns.orgId')
    .where((eb) => {
      const scoped = inScope(actor.scope, 'orgUnits.path')(eb);
      return ancestors.length ? eb.or([eb('orgUnits.path', 'in', ancestors), scoped]) : scoped;
    });
}

export const selectCampaign = <Q extends ReturnType<typeof readableCampaigns>>(qb: Q) => qb.select(campaignColumns);

/** A campaign the caller may read, or undefined. */
export function findCampaignReadable(db: Kysely<Database>, actor: Actor, id: number): Promise<CampaignRow | undefined> {
  return readableCampaigns(db, actor).select(campaignColumns).where('campaigns.id', '=', id).executeTakeFirst();
}

/** A campaign regardless of who asks: to tell 403 from 404 and for internal reloads. */
export function findCampaign(db: Kysely<Database>, id: number): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').innerJoin('orgUnits', 'orgUnits.id', 'campaigns.orgId').select(campaignColumns).where('campaigns.id', '=', id).executeTakeFirst();
}

/** The required readings of a campaign, in order. */
export function readingsOf(db: Kysely<Database>, campaignId: number): Promise<ReadingRow[]> {
  return db.selectFrom('campaignReadings').selectAll().where('campaignId', '=', campaignId).orderBy('sortOrder').orderBy('id').execute();
}

export function findReading(db: Kysely<Database>, campaignId: number, id: number): Promise<ReadingRow | undefined> {
  return db.selectFrom('campaignReadings').selectAll().where('campaignId', '=', campaignId).where('id', '=', id).executeTakeFirst();
}

export async function nextReadingOrder(db: Kysely<Database>, campaignId: number): Promise<number> {
  const row = await db.selectFrom('campaignReadings').select((eb) => eb.fn.max('sortOrder').as('m')).where('campaignId', '=', campaignId).executeTakeFirst();
  return Number(row?.m ?? 0) + 10;
}
