import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { groupPolicy } from '../policy.ts';
import { findGroup, findGroupInScope, groupDetails, replaceMembers, replaceUnits } from '../repository.ts';
import { checkRefs } from './check-refs.ts';

export interface UpdateGroupInput {
  version: number;
  name?: string;
  kind?: string;
  orgId?: number;
  memberIds?: number[];
  unitIds?: number[];
}

/** Renames a group or replaces its members or units; both the old and the new shape must be the caller's to manage. */
export async function updateGroup(ctx: Ctx, id: number, input: UpdateGroupInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const group = await requireWritable(await findGroupInScope(trx, ctx.actor.scope, id), () => findGroup(trx, id), '督导组');
    const d = await groupDetails(trx, [id]);
    authorize(groupPolicy, 'update', ctx.actor, { orgPath: group.orgPath, unitPaths: d.units.map((u) => u.path) });
    checkVersion(group.version, input.version);
    const memberIds = input.memberIds ?? d.members.map((m) => m.personId);
    const unitIds = input.unitIds ?? d.units.map((u) => u.orgId);
    const refs = await checkRefs(trx, input.orgId ?? group.orgId, unitIds, memberIds);
    authorize(groupPolicy, 'update', ctx.actor, refs, '只能为本人数据范围内的单位设置督导组');
    const values: Record<string, unknown> = {};
    if (input.name !== undefined) values.name = input.name.trim();
    if (input.kind !== undefined) values.kind = input.kind;
    if (input.orgId !== undefined) values.orgId = input.orgId;
    await updateVersioned(trx, 'supervisionGroups', id, input.version, values);
    if (input.memberIds) await replaceMembers(trx, id, memberIds);
    if (input.unitIds) await replaceUnits(trx, id, unitIds);
    const before = { name: group.name, kind: group.kind, orgId: group.orgId, memberIds: d.members.map((m) => m.personId), unitIds: d.units.map((u) => u.orgId) };
    const after = { ...before, ...values, memberIds, unitIds };
    await recordAudit(trx, ctx.actor, { action: 'update', entityType: 'supervision_group', entityId: id, entityLabel: (values.name as string) ?? group.name, orgPath: refs.orgPath, before, after });
    return (await findGroup(trx, id))!;
  });
}
