/** Smaller steps around a demand: 协办 units, a 检视整改 problem from a systemic demand, reading the contact. */
import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { alreadyCoHandler, invalidField, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { createLinkedProblem } from '../../problems/public.ts';
import { demandPolicy } from '../policy.ts';
import { findDemand, findDemandAnywhere, recordEvent } from '../repository.ts';

/** 首接负责制: the first unit leads; others are added as co-handlers and see the demand too. */
export async function addCoHandler(ctx: Ctx, id: number, orgId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const d = await requireWritable(await findDemand(trx, ctx.actor, id), () => findDemandAnywhere(trx, id), '诉求');
    authorize(demandPolicy, 'addCoHandler', ctx.actor, d);
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, orgId),
      () => anyOrg(trx, orgId),
      '协办单位',
    );
    if (org.id === d.orgId) throw invalidField('orgId', '协办单位不能是承办单位本身');
    const exists = await trx
      .selectFrom('demandCoHandlers')
      .select('orgId')
      .where('demandId', '=', id)
      .where('orgId', '=', org.id)
      .executeTakeFirst();
    if (exists) throw alreadyCoHandler();
    await trx.insertInto('demandCoHandlers').values({ demandId: id, orgId: org.id, orgPath: org.path }).execute();
    const now = nowIso();
    await recordEvent(trx, {
      demandId: id,
      action: 'add_co_handler',
      fromStatus: d.status,
      toStatus: d.status,
      orgId: org.id,
      note: `增加协办单位：${org.name}`,
      actorName: ctx.actor.displayName,
      at: now,
    });
    await recordAudit(trx, ctx.actor, {
      action: 'add_co_handler',
      entityType: 'demand',
      entityId: id,
      entityLabel: d.trackingCode,
      orgPath: d.orgPath ?? d.intakePath,
      after: { orgId: org.id },
    });
  });
}

/** A demand that shows a systemic problem becomes a problem on the 检视整改 loop (source 群众反映), linked back. */
export async function demandToProblem(ctx: Ctx, id: number, input: { title: string; version: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const d = await requireWritable(await findDemand(trx, ctx.actor, id), () => findDemandAnywhere(trx, id), '诉求');
    authorize(demandPolicy, 'toProblem', ctx.actor, d);
    if (!d.campaignId) throw invalidField('campaignId', '该诉求不属于任何主题教育，无法转为问题');
    const problem = await createLinkedProblem(trx, ctx.actor, {
      campaignId: d.campaignId,
      orgId: d.orgId!,
      title: input.title.trim(),
      description: `群众诉求 ${d.trackingCode}：${d.description}`,
      source: 'public_report',
      sourceRef: { type: 'demand', id: d.id },
    });
    await updateVersioned(trx, 'demands', id, input.version, { problemId: problem.id });
    await recordEvent(trx, {
      demandId: id,
      action: 'to_problem',
      fromStatus: d.status,
      toStatus: d.status,
      orgId: d.orgId,
      note: `转为检视整改问题：${input.title.trim()}`,
      actorName: ctx.actor.displayName,
      at: nowIso(),
    });
    return problem;
  });
}

/** The complainant's name and phone, for those who may see them; every read is in the audit trail. */
export async function readContact(ctx: Ctx, id: number): Promise<{ name: string; phone: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const d = await findDemand(trx, ctx.actor, id);
    if (!d) throw notFound('诉求');
    authorize(demandPolicy, 'seeContact', ctx.actor, d, '该诉求人要求保密，或您无权查看诉求人信息');
    await recordAudit(trx, ctx.actor, {
      action: 'read_contact',
      entityType: 'demand',
      entityId: id,
      entityLabel: `${d.trackingCode} 查看诉求人联系方式`,
      orgPath: d.orgPath ?? d.intakePath,
    });
    return { name: d.name, phone: d.phone };
  });
}
