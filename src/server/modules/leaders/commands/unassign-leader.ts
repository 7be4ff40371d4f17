import type { Ctx } from '../../../http/context.ts';
import { notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { leaderPolicy } from '../policy.ts';
import { deleteAssignment, findAssignment } from '../repository.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';

/** Ends a 分管 assignment. */
export async function unassignLeader(ctx: Ctx, id: number): Promise<void> {
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await findAssignment(trx, id);
      if (!row) throw notFound('分管关系');
      const org = await requireWritable(
        await visibleOrg(trx, ctx.actor.scope, row.orgId),
        () => anyOrg(trx, row.orgId),
        '分管关系',
      );
      authorize(leaderPolicy, 'assign', ctx.actor, org);
      await deleteAssignment(trx, id);
      await recordAudit(trx, ctx.actor, {
        action: 'unassign_leader',
        entityType: 'org',
        entityId: row.orgId,
        entityLabel: org.name,
        orgPath: org.path,
        before: { leaderId: row.personId, leaderName: row.name },
      });
    })
    .then(actorsChangedAfter(ctx.db));
}
