import type { Ctx } from '../../../http/context.ts';
import type { PersonRow } from '../repository.ts';
import type { PersonFields } from '../person-fields.ts';
import { applyPersonUpdate } from '../person-update.ts';

/** Corrects a person's details. */
export async function updatePerson(
  ctx: Ctx,
  id: number,
  input: PersonFields & { version: number },
): Promise<PersonRow> {
  return ctx.db.transaction().execute((trx) => applyPersonUpdate(trx, ctx.actor, id, input));
}
