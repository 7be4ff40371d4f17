import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { forbidden, invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { groupWithMembers } from '../../supervision/public.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { campaignBrief } from '../../campaigns/public.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { checkPolicy, mayOrganise } from '../policy.ts';
import { viewerOf } from '../viewer.ts';
import { isManager } from '../../../policies/roles.ts';
import { checkInspectors } from '../inspectors.ts';

export interface CreateCheckInput {
  campaignId: number;
  orgId: number;
  groupId?: number;
  date: string;
  method: string;
  inspectorIds: number[];
}

/** Plans a check (不打招呼: the unit sees nothing of it until it is recorded). */
export async function createCheck(ctx: Ctx, input: CreateCheckInput): Promise<{ id: number }> {
  const viewer = await viewerOf(ctx.db, ctx.actor);
  if (!mayOrganise(ctx.actor)) throw forbidden('只有领导小组办公室和督导组可以安排检查');
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    if (!(await campaignBrief(trx, input.campaignId))) throw invalidField('campaignId', '“主题教育”不存在');
    const groupId = input.groupId ?? null;
    if (groupId !== null && !viewer.groupIds.includes(groupId) && !isManager(ctx.actor))
      throw invalidField('groupId', '您不是该督导组成员');
    if (groupId !== null && !(await groupWithMembers(trx, groupId))?.active)
      throw invalidField('groupId', '“督导组”不存在或已撤销');
    authorize(checkPolicy, 'update', ctx.actor, {
      orgPath: org.path,
      status: 'planned',
      groupId,
      inspectorIds: input.inspectorIds,
      createdBy: ctx.actor.userId,
      myGroupIds: viewer.groupIds,
    });
    await checkInspectors(trx, input.inspectorIds, { id: org.id, path: org.path });
    const now = nowIso();
    const row = await trx
      .insertInto('spotChecks')
      .values({
        campaignId: input.campaignId,
        orgId: org.id,
        orgPath: org.path,
        groupId,
        drawId: null,
        date: input.date,
        method: input.method,
        status: 'planned',
        inspectorIds: JSON.stringify(input.inspectorIds),
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'plan',
      entityType: 'spot_check',
      entityId: row.id,
      entityLabel: org.name,
      orgPath: null, // 不打招呼: the unit's own audit trail must not reveal the plan before the check.
      after: { orgId: org.id, date: input.date, method: input.method },
    });
    return row;
  });
}
