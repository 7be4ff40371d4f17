import type { Kysely } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx } from '../../../http/context.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { pinyinKeys } from '../../../lib/pinyin.ts';
import { recordAudit, changedFields } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { personPolicy } from '../policy.ts';
import { findPerson, findPersonInScope, type PersonRow } from '../repository.ts';
import { personSnapshot } from '../presenter.ts';

export interface PersonFields {
  name?: string;
  gender?: string | null;
  position?: string;
  isPartyMember?: boolean;
  leadershipLevel?: string | null;
  phone?: string | null;
}

function columnsOf(input: PersonFields) {
  const values: Record<string, unknown> = {};
  if (input.name !== undefined) Object.assign(values, { name: input.name.trim() }, pinyinKeys(input.name.trim()));
  if (input.gender !== undefined) values.gender = input.gender;
  if (input.position !== undefined) values.position = input.position.trim();
  if (input.isPartyMember !== undefined) values.isPartyMember = input.isPartyMember ? 1 : 0;
  if (input.leadershipLevel !== undefined) values.leadershipLevel = input.leadershipLevel;
  if (input.phone !== undefined) values.phone = input.phone || null;
  return values;
}

/** Adds a person to a unit's roster, in the caller's transaction (an import adds many in one). */
export async function insertPerson(
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

/** Corrects a person's details. */
export async function updatePerson(
  ctx: Ctx,
  id: number,
  input: PersonFields & { version: number },
): Promise<PersonRow> {
  return ctx.db.transaction().execute((trx) => applyPersonUpdate(trx, ctx.actor, id, input));
}
