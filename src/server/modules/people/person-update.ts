import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { authorize } from '../../policies/engine.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../db/versioned.ts';
import { recordAudit, changedFields } from '../audit/record-audit.ts';
import { personPolicy } from './policy.ts';
import { findPerson, findPersonInScope, type PersonRow } from './repository.ts';
import { personSnapshot } from './presenter.ts';
import { columnsOf, type PersonFields } from './person-fields.ts';

/** Corrects a person's details in the caller's transaction (an import corrects many in one). */
export async function applyPersonUpdate(
  trx: Kysely<Database>,
  actor: Actor,
  id: number,
  input: PersonFields & { version: number },
): Promise<PersonRow> {
  const person = await requireWritable(
    await findPersonInScope(trx, actor.scope, id),
    () => findPerson(trx, id),
    '人员',
  );
  authorize(personPolicy, 'update', actor, person);
  checkVersion(person.version, input.version);
  await updateVersioned(trx, 'people', id, input.version, columnsOf(input));
  const after = (await findPersonInScope(trx, actor.scope, id))!;
  const diff = changedFields(personSnapshot(person), personSnapshot(after));
  await recordAudit(trx, actor, {
    action: 'update',
    entityType: 'person',
    entityId: id,
    entityLabel: after.name,
    orgPath: after.orgPath,
    ...diff,
  });
  return after;
}
