import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { nowIso } from '../../../clock.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { groupPolicy } from '../policy.ts';
import { findGroup, findGroupInScope, groupDetails } from '../repository.ts';

/**
 * Dissolves a group. The row is kept inactive (checks it made still point at it); its members lose the
 * units' scope at once because scope resolution reads only active groups.
 */
export async function deleteGroup(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const group = await requireWritable(await findGroupInScope(trx, ctx.actor.scope, id), () => findGroup(trx, id), '督导组');
    const d = await groupDetails(trx, [id]);
    authorize(groupPolicy, 'delete', ctx.actor, { orgPath: group.orgPath, unitPaths: d.units.map((u) => u.path) });
    await trx.updateTable('supervisionGroups').set({ active: 0, version: group.version + 1, updatedAt: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx.actor, { action: 'delete', entityType: 'supervision_group', entityId: id, entityLabel: group.name, orgPath: group.orgPath, before: { name: group.name, kind: group.kind } });
  });
}
