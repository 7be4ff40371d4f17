import type { Kysely } from 'kysely';
import type { Ctx } from '../../../http/context.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../clock.ts';
import { inScope } from '../../../db/scope.ts';
import { invalidField, notFound, outOfScope } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { groupPolicy } from '../policy.ts';
import { listGroups, type GroupRow } from '../repository.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';

export interface GroupInput {
  name: string;
  kind: string;
  orgId: number;
  memberIds: number[];
  unitIds: number[];
}

/** Members must be active people and units must be inside the caller's scope. */
async function replaceLinks(
  trx: Kysely<Database>,
  ctx: Ctx,
  groupId: number,
  input: Pick<GroupInput, 'memberIds' | 'unitIds'>,
) {
  const memberIds = [...new Set(input.memberIds)];
  const unitIds = [...new Set(input.unitIds)];
  if (memberIds.length) {
    const found = await trx
      .selectFrom('people')
      .select('id')
      .where('id', 'in', memberIds)
      .where('active', '=', 1)
      .execute();
    if (found.length !== memberIds.length) throw invalidField('memberIds', '“组员”中有不存在或已停用的人员');
  }
  if (unitIds.length) {
    const found = await trx
      .selectFrom('orgUnits')
      .select('id')
      .where('id', 'in', unitIds)
      .where(inScope(ctx.actor.scope, 'orgUnits.path'))
      .execute();
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

/** Forms a supervision or liaison group with its members and assigned units. */
export async function createGroup(ctx: Ctx, input: GroupInput): Promise<GroupRow> {
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const org = await requireWritable(
        await visibleOrg(trx, ctx.actor.scope, input.orgId),
        () => anyOrg(trx, input.orgId),
        '单位',
      );
      authorize(groupPolicy, 'update', ctx.actor, { orgPath: org.path });
      const now = nowIso();
      const row = await trx
        .insertInto('supervisionGroups')
        .values({ name: input.name.trim(), kind: input.kind, orgId: org.id, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceLinks(trx, ctx, row.id, input);
      const [group] = await listGroups(trx, ctx.actor.scope, row.id);
      await recordAudit(trx, ctx.actor, {
        action: 'create',
        entityType: 'supervision_group',
        entityId: row.id,
        entityLabel: group.name,
        orgPath: org.path,
        after: group,
      });
      return group;
    })
    .then(actorsChangedAfter(ctx.db));
}

/** Renames a group or changes its members and units. */
export async function updateGroup(
  ctx: Ctx,
  id: number,
  input: Partial<GroupInput> & { version: number },
): Promise<GroupRow> {
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const [before] = await listGroups(trx, ctx.actor.scope, id);
      if (!before) throw await missingOrOutOfScope(trx, id);
      authorize(groupPolicy, 'update', ctx.actor, before);
      checkVersion(before.version, input.version);
      const values: Record<string, unknown> = {};
      if (input.name !== undefined) values.name = input.name.trim();
      if (input.kind !== undefined) values.kind = input.kind;
      await updateVersioned(trx, 'supervisionGroups', id, input.version, values);
      if (input.memberIds || input.unitIds) {
        await replaceLinks(trx, ctx, id, {
          memberIds: input.memberIds ?? before.members.map((m) => m.personId),
          unitIds: input.unitIds ?? before.units.map((u) => u.orgId),
        });
      }
      const [after] = await listGroups(trx, ctx.actor.scope, id);
      await recordAudit(trx, ctx.actor, {
        action: 'update',
        entityType: 'supervision_group',
        entityId: id,
        entityLabel: after.name,
        orgPath: after.orgPath,
        before,
        after,
      });
      return after;
    })
    .then(actorsChangedAfter(ctx.db));
}

/** Dissolves a group. */
export async function deleteGroup(ctx: Ctx, id: number): Promise<void> {
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const [group] = await listGroups(trx, ctx.actor.scope, id);
      if (!group) throw await missingOrOutOfScope(trx, id);
      authorize(groupPolicy, 'delete', ctx.actor, group);
      await trx.deleteFrom('supervisionGroups').where('id', '=', id).execute();
      await recordAudit(trx, ctx.actor, {
        action: 'delete',
        entityType: 'supervision_group',
        entityId: id,
        entityLabel: group.name,
        orgPath: group.orgPath,
        before: group,
      });
    })
    .then(actorsChangedAfter(ctx.db));
}

/** A write to a group the caller cannot see: 403 when it exists (outside scope), 404 when it does not. */
async function missingOrOutOfScope(db: Kysely<Database>, id: number) {
  const exists = await db.selectFrom('supervisionGroups').select('id').where('id', '=', id).executeTakeFirst();
  return exists ? outOfScope() : notFound('督导组');
}
