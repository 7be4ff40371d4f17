import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { forbidden, invalidField } from '../../../errors.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { campaignBrief } from '../../campaigns/public.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { peopleByIds } from '../../people/public.ts';
import { mayNominate } from '../policy.ts';

export interface NominateInput {
  campaignId: number;
  orgId: number;
  personId?: number;
  nomineeOrgId?: number;
  deeds: string;
}

/** A unit nominates a person or a branch; the nomination waits at the unit above (or is recommended at the top). */
export async function nominate(ctx: Ctx, input: NominateInput): Promise<{ id: number }> {
  if (!input.personId === !input.nomineeOrgId) throw invalidField('personId', '请选择推荐的个人或集体（二选一）');
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '推荐单位',
    );
    if (!mayNominate(ctx.actor, org.path)) throw forbidden('您无权以该单位名义推荐');
    const campaign = await campaignBrief(trx, input.campaignId);
    if (!campaign) throw invalidField('campaignId', '“主题教育”不存在');
    const top = await anyOrg(trx, campaign.orgId);
    if (!top || !org.path.startsWith(top.path)) throw invalidField('orgId', '推荐单位不在该主题教育范围内');
    let title: string;
    if (input.personId) {
      const [p] = await peopleByIds(trx, [input.personId]);
      if (!p?.active || !p.orgPath.startsWith(org.path)) throw invalidField('personId', '“被推荐人”须是本单位在职人员');
      title = p.name;
    } else {
      const n = await visibleOrg(trx, ctx.actor.scope, input.nomineeOrgId!);
      if (!n?.path.startsWith(org.path)) throw invalidField('nomineeOrgId', '“被推荐集体”须是本单位或下级单位');
      title = n.name;
    }
    const atTop = org.id === top.id;
    const level = atTop ? org : (await anyOrg(trx, org.parentId!))!;
    const now = nowIso();
    const row = await trx
      .insertInto('exemplars')
      .values({
        campaignId: input.campaignId,
        orgId: org.id,
        orgPath: org.path,
        personId: input.personId ?? null,
        nomineeOrgId: input.nomineeOrgId ?? null,
        title,
        deeds: input.deeds.trim(),
        status: atTop ? 'recommended' : 'nominated',
        levelOrgId: level.id,
        levelOrgPath: level.path,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'nominate',
      entityType: 'exemplar',
      entityId: row.id,
      entityLabel: title,
      orgPath: org.path,
      after: { personId: input.personId, nomineeOrgId: input.nomineeOrgId },
    });
    return row;
  });
}
