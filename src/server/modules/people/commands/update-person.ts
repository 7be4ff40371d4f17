import type { Ctx } from '../../../http/context.ts';
import { recordAudit, changedFields } from '../../audit/record-audit.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { personPolicy } from '../policy.ts';
import { findPerson, findPersonInScope, type PersonRow } from '../repository.ts';
import { personValues, type PersonFields } from './create-person.ts';

/** Edits a person's details (name, gender, position, membership, level, phone). */
export async function updatePerson(ctx: Ctx, id: number, input: PersonFields & { version: number }): Promise<PersonRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requireWritable(await findPersonInScope(trx, ctx.actor.scope, id), () => findPerson(trx, id), '人员');
    authorize(personPolicy, 'update', ctx.actor, person);
    checkVersion(person.version, input.version);
    const values = personValues(input);
    await updateVersioned(trx, 'people', id, input.version, values);
    const after = (await findPerson(trx, id))!;
    const diff = changedFields(person as unknown as Record<string, unknown>, values);
    await recordAudit(trx, ctx.actor, { action: 'update', entityType: 'person', entityId: id, entityLabel: after.name, orgPath: after.orgPath, ...diff });
    return after;
  });
}
