import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { duplicateEntry, forbidden, invalidField } from '../../../errors.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { peopleByIds } from '../../people/public.ts';
import { isManager } from '../../../policies/roles.ts';

/** Records a 回避: this person will never be drawn or named as an inspector of this unit. */
export async function addRecusal(
  ctx: Ctx,
  input: { personId: number; orgId: number; reason: string },
): Promise<{ id: number }> {
  if (!isManager(ctx.actor)) throw forbidden('只有领导小组办公室可以登记回避');
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    const [person] = await peopleByIds(trx, [input.personId]);
    if (!person) throw invalidField('personId', '“人员”不存在');
    const exists = await trx
      .selectFrom('checkRecusals')
      .select('id')
      .where('personId', '=', input.personId)
      .where('orgId', '=', input.orgId)
      .executeTakeFirst();
    if (exists) throw duplicateEntry('已登记该人员对该单位的回避');
    const row = await trx
      .insertInto('checkRecusals')
      .values({ ...input, reason: input.reason.trim(), createdBy: ctx.actor.userId, createdAt: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'recuse',
      entityType: 'check_recusal',
      entityId: row.id,
      entityLabel: `${person.name}—${org.name}`,
      orgPath: null,
      after: input,
    });
    return row;
  });
}
