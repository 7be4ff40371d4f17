import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { forbidden, invalidField } from '../../../errors.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { pinyinKeys } from '../../../lib/pinyin.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { canCreateIn } from '../policy.ts';
import { findPerson, type PersonRow } from '../repository.ts';

export interface PersonFields {
  name?: string;
  gender?: string | null;
  position?: string;
  isPartyMember?: boolean;
  leadershipLevel?: string | null;
  phone?: string;
}

/** Column values for the given input fields (name keeps its pinyin keys in step). */
export function personValues(input: PersonFields): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  if (input.name !== undefined) Object.assign(v, { name: input.name.trim() }, pinyinKeys(input.name.trim()));
  if (input.gender !== undefined) v.gender = input.gender;
  if (input.position !== undefined) v.position = input.position.trim();
  if (input.isPartyMember !== undefined) v.isPartyMember = input.isPartyMember ? 1 : 0;
  if (input.leadershipLevel !== undefined) v.leadershipLevel = input.leadershipLevel;
  if (input.phone !== undefined) v.phone = input.phone === '' ? null : input.phone;
  return v;
}

/** Adds a person to a unit the caller manages. */
export async function createPerson(ctx: Ctx, input: PersonFields & { orgId: number; name: string; isPartyMember: boolean }): Promise<PersonRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(await visibleOrg(trx, ctx.actor.scope, input.orgId), () => anyOrg(trx, input.orgId), '所在单位');
    if (!canCreateIn(ctx.actor, org.path)) throw forbidden();
    if (!org.active) throw invalidField('orgId', '所在单位已停用');
    const now = nowIso();
    const row = await trx
      .insertInto('people')
      .values({ orgId: org.id, orgPath: org.path, name: '', namePinyin: '', nameInitials: '', ...personValues(input), createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const person = (await findPerson(trx, row.id))!;
    const { orgName: _o, userId: _u, ...after } = person;
    await recordAudit(trx, ctx.actor, { action: 'create', entityType: 'person', entityId: person.id, entityLabel: person.name, orgPath: person.orgPath, after });
    return person;
  });
}
