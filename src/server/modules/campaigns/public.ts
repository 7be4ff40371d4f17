/** What other modules may use from 主题教育: read-only lookups of the campaign a record belongs to. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalidField } from '../../errors.ts';
import { shortCachePerDb } from '../../lib/short-cache.ts';
import type { Actor } from '../../auth/actor.ts';
import { findCampaign, findCampaignAnywhere } from './repository.ts';

/** Warning days by campaign, read by every list and figure request; updateCampaign drops a changed one. */
export const warningDaysCache = shortCachePerDb<number, number>(2000);

/** The campaign's yellow threshold (days before a deadline); 7 without a campaign or for an unknown one. */
export function campaignWarningDays(db: Kysely<Database>, campaignId: number | undefined): Promise<number> {
  if (!campaignId) return Promise.resolve(7);
  return warningDaysCache(db).get(campaignId, async () => {
    const row = await db.selectFrom('campaigns').select('warningDays').where('id', '=', campaignId).executeTakeFirst();
    return row?.warningDays ?? 7;
  });
}

/** A campaign's id, name, home unit and dates, or undefined. */
export function campaignBrief(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name', 'orgId', 'startDate', 'endDate'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** What the study figures read of a campaign: its minimum study hours and its dates, or undefined. */
export function campaignStudyTerms(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('campaigns')
    .select(['minStudyHours', 'startDate', 'endDate'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The campaign a new record names, or 400 on `field` when there is none with that id. */
export async function requireCampaign(db: Kysely<Database>, id: number, field = 'campaignId'): Promise<{ id: number }> {
  const campaign = await db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst();
  if (!campaign) throw invalidField(field, '“主题教育”不存在');
  return campaign;
}

/** The newest running campaign (what a demand from the public page or a city platform belongs to), or undefined. */
export function currentCampaign(db: Kysely<Database>) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name', 'orgId'])
    .where('status', '=', 'active')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** A campaign the caller may see (its id, name and running unit's path), or undefined. */
export async function visibleCampaign(db: Kysely<Database>, actor: Actor, id: number) {
  const c = await findCampaign(db, actor, id);
  return c ? { id: c.id, name: c.name, orgPath: c.orgPath } : undefined;
}

/** Whether a campaign exists at all (to tell 403 from 404). */
export const campaignExists = async (db: Kysely<Database>, id: number) => !!(await findCampaignAnywhere(db, id));
