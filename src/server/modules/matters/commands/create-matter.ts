import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { campaignBrief } from '../../campaigns/public.ts';
import { matterPolicy } from '../policy.ts';

export interface MatterInput {
  campaignId: number;
  orgId: number;
  ownerId?: number | null;
  title: string;
  target?: string;
  dueDate: string;
}

/** 承接民生实事: a matter promised to the public, at a unit in scope. */
export async function createMatter(ctx: Ctx, input: MatterInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    authorize(matterPolicy, 'update', ctx.actor, { orgPath: org.path, status: 'planned' });
    if (!(await campaignBrief(trx, input.campaignId))) throw invalidField('campaignId', '“主题教育”不存在');
    const now = nowIso();
    const row = await trx
      .insertInto('matters')
      .values({
        campaignId: input.campaignId,
        orgId: org.id,
        orgPath: org.path,
        ownerId: input.ownerId ?? null,
        title: input.title.trim(),
        target: (input.target ?? '').trim(),
        dueDate: input.dueDate,
        status: 'planned',
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'matter',
      entityId: row.id,
      entityLabel: input.title,
      orgPath: org.path,
      after: input,
    });
    return row;
  });
}
