/** What other modules may use from the campaigns module: read-only queries, never its repository. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { findCampaignReadable } from './repository.ts';

/** A campaign the caller may read (with its unit's name and path), or undefined. */
export function readableCampaign(db: Kysely<Database>, actor: Actor, id: number) {
  return findCampaignReadable(db, actor, id);
}
