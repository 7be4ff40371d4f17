import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { scopeContains } from '../../../db/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { leaderAssignmentPolicy } from '../policy.ts';
import { findAssignment } from '../repository.ts';

/** Ends a 分管 assignment. */
export async function unassignLeader(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const found = await findAssignment(trx, id);
    const a = await requireWritable(found && scopeContains(ctx.actor.scope, found.orgPath) ? found : undefined, async () => found, '分管关系');
    authorize(leaderAssignmentPolicy, 'manage', ctx.actor, a);
    await trx.deleteFrom('leaderAssignments').where('id', '=', id).execute();
    await recordAudit(trx, ctx.actor, {
      action: 'delete',
      entityType: 'leader_assignment',
      entityId: id,
      entityLabel: `${a.personName} 分管 ${a.orgName}`,
      orgPath: a.orgPath,
      before: { personId: a.personId, orgId: a.orgId },
    });
  });
}
