import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { campaignBrief } from '../../campaigns/public.ts';
import { anyOrg, scopeRoots, visibleOrg } from '../../orgs/public.ts';
import { bulletinPolicy } from '../policy.ts';
import { compileContent } from '../compile-content.ts';

export interface CompileInput {
  campaignId: number;
  orgId?: number;
  kind?: string;
  periodFrom: string;
  periodTo: string;
  title?: string;
}

/** Starts a bulletin for a period: a draft filled from the period's records, for staff to edit before 签发. */
export async function compileBulletin(ctx: Ctx, input: CompileInput): Promise<{ id: number }> {
  if (input.periodTo < input.periodFrom) throw invalidField('periodTo', '“截止日期”不能早于“起始日期”');
  // Without a unit, the bulletin covers the top of the caller's scope (the office: the whole campaign), as the
  // dashboard does — not the unit the caller personally belongs to.
  const orgId = input.orgId ?? (await scopeRoots(ctx.db, ctx.actor.scope))[0]?.id;
  if (!orgId) throw invalidField('orgId', '请选择编发单位');
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await requireWritable(await visibleOrg(trx, ctx.actor.scope, orgId), () => anyOrg(trx, orgId), '单位');
    authorize(
      bulletinPolicy,
      'update',
      ctx.actor,
      { orgPath: unit.path, status: 'draft' },
      '只有领导小组办公室可以编发简报',
    );
    const campaign = await campaignBrief(trx, input.campaignId);
    if (!campaign) throw invalidField('campaignId', '“主题教育”不存在');
    const { figures, sections } = await compileContent(trx, ctx.actor, unit, input);
    const now = nowIso();
    const row = await trx
      .insertInto('bulletins')
      .values({
        campaignId: input.campaignId,
        orgId: unit.id,
        orgPath: unit.path,
        kind: input.kind ?? 'regular',
        number: null,
        title: input.title?.trim() || `${campaign.name}工作简报`,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        status: 'draft',
        masthead: '主题教育工作简报',
        issuer: `${unit.name}主题教育领导小组办公室`,
        sections: JSON.stringify(sections),
        figures: JSON.stringify(figures),
        distribution: JSON.stringify({ distribute: '各基层党组织', copies: 30 }),
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'bulletin',
      entityId: row.id,
      entityLabel: input.title ?? campaign.name,
      orgPath: unit.path,
      after: { periodFrom: input.periodFrom, periodTo: input.periodTo, kind: input.kind ?? 'regular' },
    });
    return row;
  });
}
