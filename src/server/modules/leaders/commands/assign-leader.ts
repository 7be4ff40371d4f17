import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField, alreadyAssigned } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { peopleByIds } from '../../people/public.ts';
import { leaderPolicy } from '../policy.ts';
import { findAssignmentOf, insertAssignment } from '../repository.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';

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
      const [person] = await peopleByIds(trx, [personId]);
      if (!person?.active) throw invalidField('personId', '“班子成员”不存在或已停用');
      if (await findAssignmentOf(trx, personId, orgId)) throw alreadyAssigned(person.name, org.name);
      const row = await insertAssignment(trx, personId, orgId, nowIso());
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
