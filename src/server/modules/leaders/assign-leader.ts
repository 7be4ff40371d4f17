import type { Ctx } from '../../http/context.ts';
import { nowIso } from '../../clock.ts';
import { invalidField, notFound, alreadyAssigned } from '../../errors.ts';
import { authorize } from '../../policies/engine.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../orgs/public.ts';
import { leaderPolicy } from './policy.ts';
import { actorsChangedAfter } from '../../auth/actor-cache.ts';

/** Makes a person the guiding leader (分管领导) of a unit. */
export async function assignLeader(ctx: Ctx, personId: number, orgId: number): Promise<{ id: number }> {
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const org = await requireWritable(
        await visibleOrg(trx, ctx.actor.scope, orgId),
        () => anyOrg(trx, orgId),
        '单位',
      );
      authorize(leaderPolicy, 'assign', ctx.actor, org);
      const person = await trx
        .selectFrom('people')
        .select(['id', 'name', 'active'])
        .where('id', '=', personId)
        .executeTakeFirst();
      if (!person?.active) throw invalidField('personId', '“班子成员”不存在或已停用');
      const exists = await trx
        .selectFrom('leaderAssignments')
        .select('id')
        .where('personId', '=', personId)
        .where('orgId', '=', orgId)
        .executeTakeFirst();
      if (exists) throw alreadyAssigned(person.name, org.name);
      const row = await trx
        .insertInto('leaderAssignments')
        .values({ personId, orgId, createdAt: nowIso() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx.actor, {
        action: 'assign_leader',
        entityType: 'org',
        entityId: orgId,
        entityLabel: org.name,
        orgPath: org.path,
        after: { leaderId: personId, leaderName: person.name },
      });
      return { id: row.id };
    })
    .then(actorsChangedAfter(ctx.db));
}

/** Ends a 分管 assignment. */
export async function unassignLeader(ctx: Ctx, id: number): Promise<void> {
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .selectFrom('leaderAssignments')
        .innerJoin('people', 'people.id', 'leaderAssignments.personId')
        .select(['leaderAssignments.orgId', 'leaderAssignments.personId', 'people.name'])
        .where('leaderAssignments.id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound('分管关系');
      const org = await requireWritable(
        await visibleOrg(trx, ctx.actor.scope, row.orgId),
        () => anyOrg(trx, row.orgId),
        '分管关系',
      );
      authorize(leaderPolicy, 'assign', ctx.actor, org);
      await trx.deleteFrom('leaderAssignments').where('id', '=', id).execute();
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
