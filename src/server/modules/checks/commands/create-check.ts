import type { Kysely } from 'kysely';
import type { Ctx } from '../../../http/context.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../clock.ts';
import { forbidden, invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { groupWithMembers } from '../../supervision/public.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { campaignBrief } from '../../campaigns/public.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { peopleByIds } from '../../people/public.ts';
import { conflictsOf } from '../conflicts.ts';
import { checkPolicy, mayOrganise } from '../policy.ts';
import { recusalsOf } from '../repository.ts';
import { viewerOf } from '../viewer.ts';
import { isManager } from '../../../policies/roles.ts';

/** Inspectors must exist, be active and have no conflict with the unit (回避). */
export async function checkInspectors(
  trx: Kysely<Database>,
  ids: number[],
  unit: { id: number; path: string },
): Promise<void> {
  const people = await peopleByIds(trx, ids);
  if (people.length !== new Set(ids).size || people.some((p) => p.active !== 1))
    throw invalidField('inspectorIds', '检查人员中有不存在或已停用的人员');
  const conflicts = conflictsOf(people, [unit], await recusalsOf(trx, ids));
  if (conflicts.length) {
    const who = people.find((p) => p.id === conflicts[0].personId)!.name;
    throw invalidField('inspectorIds', `${who}与被检查单位存在回避情形（${conflicts[0].reason}）`);
  }
}

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
