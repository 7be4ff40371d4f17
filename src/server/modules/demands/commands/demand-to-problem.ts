import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { createLinkedProblem } from '../../problems/public.ts';
import { demandPolicy } from '../policy.ts';
import { findDemand, findDemandAnywhere, recordEvent } from '../repository.ts';

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
