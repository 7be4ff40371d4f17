/** What other modules may use from 建章立制. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import type { AttachmentLink } from '../attachments/public.ts';
import { insertInstitution } from './insert-institution.ts';
import { institutionVisible } from './repository.ts';

export { institutionVisible, visibleInstitutionIds } from './repository.ts';
export { linkClosedProblem } from './commands/link-closed-problem.ts';

/** A good practice found in research becomes an institution proposal (起草, 立). */
export async function createInstitutionProposal(
  trx: Kysely<Database>,
  actor: Actor,
  input: { campaignId: number; orgId: number; title: string; reason: string; sourceRef: { type: string; id: number } },
): Promise<{ id: number }> {
  const inst = await insertInstitution(trx, { db: trx, actor }, { ...input, action: 'create' });
  return { id: inst.id };
}

/** The document of an institution the caller may see is theirs to open. */
export const institutionAttachmentLink: AttachmentLink = (actor) => (eb) =>
  eb.exists(
    eb
      .selectFrom('institutions')
      .select('institutions.id')
      .whereRef('institutions.attachmentId', '=', 'attachments.id')
      .where(institutionVisible(actor) as never),
  );
