import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { groupPolicy } from '../policy.ts';
import { listGroups, type GroupRow } from '../repository.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';
import { nowIso } from '../../../clock.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { type GroupInput, replaceLinks } from '../group-links.ts';

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
