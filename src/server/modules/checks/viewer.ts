import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { groupIdsOf } from '../supervision/public.ts';
import type { Viewer } from './repository.ts';

/** The caller with their supervision groups, which decide what planned checks and draws they see. */
export async function viewerOf(db: Kysely<Database>, actor: Actor): Promise<Viewer> {
  return { actor, groupIds: await groupIdsOf(db, actor.personId) };
}
