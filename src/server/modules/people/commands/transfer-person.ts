import type { Ctx } from '../../../http/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { authorize } from '../../../policies/engine.ts';
import { forbidden, invalidField } from '../../../errors.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { canCreateIn, personPolicy } from '../policy.ts';
import { findPerson, findPersonInScope, type PersonRow } from '../repository.ts';

/** Moves a person to another unit the caller manages (组织关系转接), keeping the path copy in step. */
export async function transferPerson(ctx: Ctx, id: number, input: { orgId: number; version: number }): Promise<PersonRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requireWritable(await findPersonInScope(trx, ctx.actor.scope, id), () => findPerson(trx, id), '人员');
    authorize(personPolicy, 'transfer', ctx.actor, person);
    checkVersion(person.version, input.version);
    const target = await requireWritable(await visibleOrg(trx, ctx.actor.scope, input.orgId), () => anyOrg(trx, input.orgId), '调入单位');
    if (!canCreateIn(ctx.actor, target.path)) throw forbidden();
    if (!target.active) throw invalidField('orgId', '调入单位已停用');
    if (target.id === person.orgId) throw invalidField('orgId', '调入单位与当前单位相同');
    await updateVersioned(trx, 'people', id, input.version, { orgId: target.id, orgPath: target.path });
    const after = (await findPerson(trx, id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'transfer',
      entityType: 'person',
      entityId: id,
      entityLabel: after.name,
      orgPath: after.orgPath,
      before: { orgId: person.orgId, orgName: person.orgName },
      after: { orgId: after.orgId, orgName: after.orgName },
    });
    return after;
  });
}
