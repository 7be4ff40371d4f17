import type { Kysely } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx } from '../../../http/context.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { personPolicy } from '../policy.ts';
import { findPersonInScope, type PersonRow } from '../repository.ts';
import { personSnapshot } from '../presenter.ts';
import { columnsOf, type PersonFields } from '../person-fields.ts';

/** Adds a person to a unit's roster, in the caller's transaction (an import adds many in one). */
async function insertPerson(
  trx: Kysely<Database>,
  actor: Actor,
  input: PersonFields & { orgId: number; name: string },
): Promise<PersonRow> {
  const org = await requireWritable(
    await visibleOrg(trx, actor.scope, input.orgId),
    () => anyOrg(trx, input.orgId),
    '所在单位',
  );
  authorize(personPolicy, 'create', actor, { orgPath: org.path });
  if (!org.active) throw invalidField('orgId', '“所在单位”已停用');
  const now = nowIso();
  const row = await trx
    .insertInto('people')
    .values({
      orgId: org.id,
      orgPath: org.path,
      position: '',
      ...columnsOf(input),
      createdAt: now,
      updatedAt: now,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const person = (await findPersonInScope(trx, actor.scope, row.id))!;
  await recordAudit(trx, actor, {
    action: 'create',
    entityType: 'person',
    entityId: person.id,
    entityLabel: person.name,
    orgPath: person.orgPath,
    after: personSnapshot(person),
  });
  return person;
}

/** Adds a person to a unit's roster. */
export function createPerson(ctx: Ctx, input: PersonFields & { orgId: number; name: string }): Promise<PersonRow> {
  return ctx.db.transaction().execute((trx) => insertPerson(trx, ctx.actor, input));
}
