import type { Ctx } from '../../../http/context.ts';
import type { InstitutionRow } from '../repository.ts';
import { type InstitutionInput, insertInstitution } from '../insert-institution.ts';

/** Drafts an institution in its own transaction (other modules draft one inside theirs: insertInstitution). */
export function createInstitution(ctx: Ctx, input: InstitutionInput): Promise<InstitutionRow> {
  return ctx.db.transaction().execute((trx) => insertInstitution(trx, ctx, input));
}
