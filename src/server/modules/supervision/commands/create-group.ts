import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { groupPolicy } from '../policy.ts';
import { findGroup, replaceMembers, replaceUnits } from '../repository.ts';
import { checkRefs } from './check-refs.ts';

export interface CreateGroupInput {
  name: string;
  kind: string;
  orgId: number;
  memberIds: number[];
  unitIds: number[];
}

/** Sets up a supervision or liaison group; its members see the assigned units from their next request. */
export async function createGroup(ctx: Ctx, input: CreateGroupInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const refs = await checkRefs(trx, input.orgId, input.unitIds, input.memberIds);
    authorize(groupPolicy, 'update', ctx.actor, refs, '只能为本人数据范围内的单位设置督导组');
    const now = nowIso();
    const row = await trx
      .insertInto('supervisionGroups')
      .values({ name: input.name.trim(), kind: input.kind, orgId: input.orgId, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceMembers(trx, row.id, input.memberIds);
    await replaceUnits(trx, row.id, input.unitIds);
    const { memberIds, unitIds, ...rest } = input;
    await recordAudit(trx, ctx.actor, { action: 'create', entityType: 'supervision_group', entityId: row.id, entityLabel: rest.name, orgPath: refs.orgPath, after: { ...rest, memberIds, unitIds } });
    return (await findGroup(trx, row.id))!;
  });
}
