/** What other modules may use from 建章立制. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { insertInstitution } from './commands/save-institution.ts';
import { findInstitution } from './repository.ts';

/** A good practice found in research becomes an institution proposal (起草, 立). */
export async function createInstitutionProposal(
  trx: Kysely<Database>,
  actor: Actor,
  input: { campaignId: number; orgId: number; title: string; reason: string; sourceRef: { type: string; id: number } },
): Promise<{ id: number }> {
  const inst = await insertInstitution(trx, { db: trx, actor }, { ...input, action: 'create' });
  return { id: inst.id };
}

/** An institution the caller can see, for linking a closure to it. */
export function visibleInstitution(db: Kysely<Database>, actor: Actor, id: number) {
  return findInstitution(db, actor, id);
}
