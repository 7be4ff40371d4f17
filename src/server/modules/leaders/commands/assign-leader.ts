import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { conflict, invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { anyOrg } from '../../orgs/public.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { leaderAssignmentPolicy } from '../policy.ts';
import { findAssignment, findExisting } from '../repository.ts';

/** Makes a leadership member responsible (分管) for a unit; the leader's scope widens on their next request. */
export async function assignLeader(ctx: Ctx, input: { personId: number; orgId: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await anyOrg(trx, input.orgId);
    if (!org) throw invalidField('orgId', '分管单位不存在');
    authorize(leaderAssignmentPolicy, 'manage', ctx.actor, { orgPath: org.path }, '只能为本人数据范围内的单位设置分管领导');
    const person = await trx.selectFrom('people').select(['id', 'name']).where('id', '=', input.personId).executeTakeFirst();
    if (!person) throw invalidField('personId', '分管领导不存在');
    if (await findExisting(trx, input.personId, input.orgId)) throw conflict('already_assigned', `${person.name}已分管${org.name}`);
    const row = await trx
      .insertInto('leaderAssignments')
      .values({ personId: input.personId, orgId: input.orgId, createdAt: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = (await findAssignment(trx, row.id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'leader_assignment',
      entityId: row.id,
      entityLabel: `${person.name} 分管 ${org.name}`,
      orgPath: org.path,
      after: { personId: input.personId, orgId: input.orgId },
    });
    return created;
  });
}
