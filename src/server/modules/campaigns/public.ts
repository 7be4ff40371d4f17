/** What other modules may use from the campaigns module: read-only lookups. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** A campaign's id, name, home unit and dates, or undefined. */
export function campaignBrief(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name', 'orgId', 'startDate', 'endDate'])
    .where('id', '=', id)
    .executeTakeFirst();
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
