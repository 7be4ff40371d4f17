import type { Ctx } from '../../../http/context.ts';
import { invalidField, sameUnit } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { personPolicy } from '../policy.ts';
import { findPerson, findPersonInScope, type PersonRow } from '../repository.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';

/** Moves a person to another unit the caller keeps (组织关系转接 inside the scope). */
export async function transferPerson(ctx: Ctx, id: number, orgId: number, version: number): Promise<PersonRow> {
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const person = await requireWritable(
        await findPersonInScope(trx, ctx.actor.scope, id),
        () => findPerson(trx, id),
        '人员',
      );
      authorize(personPolicy, 'transfer', ctx.actor, person);
      checkVersion(person.version, version);
      const target = await requireWritable(
        await visibleOrg(trx, ctx.actor.scope, orgId),
        () => anyOrg(trx, orgId),
        '调入单位',
      );
      authorize(personPolicy, 'create', ctx.actor, { orgPath: target.path });
      if (!target.active) throw invalidField('orgId', '“调入单位”已停用');
      if (target.id === person.orgId) throw sameUnit();
      await updateVersioned(trx, 'people', id, version, { orgId: target.id, orgPath: target.path });
      const after = (await findPersonInScope(trx, ctx.actor.scope, id))!;
      await recordAudit(trx, ctx.actor, {
        action: 'transfer',
        entityType: 'person',
        entityId: id,
        entityLabel: person.name,
        orgPath: target.path,
        before: { orgId: person.orgId, orgName: person.orgName },
        after: { orgId: target.id, orgName: target.name },
      });
      return after;
    })
    .then(actorsChangedAfter(ctx.db));
}
