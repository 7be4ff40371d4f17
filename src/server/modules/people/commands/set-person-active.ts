import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { personPolicy } from '../policy.ts';
import { findPerson, findPersonInScope, type PersonRow } from '../repository.ts';

/** Takes a person off the roster (history stays) or puts them back. */
export async function setPersonActive(ctx: Ctx, id: number, active: boolean, version: number): Promise<PersonRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requireWritable(
      await findPersonInScope(trx, ctx.actor.scope, id),
      () => findPerson(trx, id),
      '人员',
    );
    authorize(personPolicy, 'deactivate', ctx.actor, person);
    checkVersion(person.version, version);
    await updateVersioned(trx, 'people', id, version, { active: active ? 1 : 0 });
    const after = (await findPersonInScope(trx, ctx.actor.scope, id))!;
    await recordAudit(trx, ctx.actor, {
      action: active ? 'activate' : 'deactivate',
      entityType: 'person',
      entityId: id,
      entityLabel: person.name,
      orgPath: person.orgPath,
      before: { active: person.active },
      after: { active: after.active },
    });
    return after;
  });
}
