import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { groupPolicy } from '../policy.ts';
import { listGroups } from '../repository.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';
import { missingOrOutOfScope } from '../group-links.ts';

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
