import type { Kysely } from 'kysely';
import type { Ctx } from '../../http/context.ts';
import type { Database } from '../../db/schema.ts';
import { invalidField, notFound, outOfScope } from '../../errors.ts';
import { visibleOrgs } from '../orgs/public.ts';
import { peopleByIds } from '../people/public.ts';

export interface GroupInput {
  name: string;
  kind: string;
  orgId: number;
  memberIds: number[];
  unitIds: number[];
}

/** Members must be active people and units must be inside the caller's scope. */
export async function replaceLinks(
  trx: Kysely<Database>,
  ctx: Ctx,
  groupId: number,
  input: Pick<GroupInput, 'memberIds' | 'unitIds'>,
) {
  const memberIds = [...new Set(input.memberIds)];
  const unitIds = [...new Set(input.unitIds)];
  if (memberIds.length) {
    const found = (await peopleByIds(trx, memberIds)).filter((p) => p.active);
    if (found.length !== memberIds.length) throw invalidField('memberIds', '“组员”中有不存在或已停用的人员');
  }
  if (unitIds.length) {
    const found = await visibleOrgs(trx, ctx.actor.scope, unitIds);
    if (found.length !== unitIds.length) throw invalidField('unitIds', '“联系单位”中有不存在或不在您数据范围内的单位');
  }
  await trx.deleteFrom('supervisionGroupMembers').where('groupId', '=', groupId).execute();
  await trx.deleteFrom('supervisionGroupUnits').where('groupId', '=', groupId).execute();
  if (memberIds.length)
    await trx
      .insertInto('supervisionGroupMembers')
      .values(memberIds.map((personId) => ({ groupId, personId })))
      .execute();
  if (unitIds.length)
    await trx
      .insertInto('supervisionGroupUnits')
      .values(unitIds.map((orgId) => ({ groupId, orgId })))
      .execute();
}

/** A write to a group the caller cannot see: 403 when it exists (outside scope), 404 when it does not. */
export async function missingOrOutOfScope(db: Kysely<Database>, id: number) {
  const exists = await db.selectFrom('supervisionGroups').select('id').where('id', '=', id).executeTakeFirst();
  return exists ? outOfScope() : notFound('督导组');
}
