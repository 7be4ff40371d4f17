import type { Ctx } from '../../../http/context.ts';
import { notFound, alreadyLinked } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { createLinkedProblem } from '../../problems/public.ts';
import { topicPolicy } from '../policy.ts';
import { findTopic, findTopicAnywhere } from '../repository.ts';

/** A visit's finding becomes a problem on the rectification loop in one step (source 调研发现), linked back. */
export async function visitToProblem(
  ctx: Ctx,
  visitId: number,
  input: { title: string; description?: string; orgId?: number },
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const visit = await trx.selectFrom('researchVisits').selectAll().where('id', '=', visitId).executeTakeFirst();
    if (!visit) throw notFound('调研走访');
    const topic = await requireWritable(
      await findTopic(trx, ctx.actor, visit.topicId),
      () => findTopicAnywhere(trx, visit.topicId),
      '调研课题',
    );
    authorize(topicPolicy, 'toProblem', ctx.actor, topic);
    if (visit.problemId) throw alreadyLinked('该走访发现已转为问题');
    const problem = await createLinkedProblem(trx, ctx.actor, {
      campaignId: topic.campaignId,
      orgId: input.orgId ?? topic.orgId,
      title: input.title,
      description: input.description ?? visit.findings,
      source: 'research',
      sourceRef: { type: 'research_visit', id: visitId },
    });
    await trx.updateTable('researchVisits').set({ problemId: problem.id }).where('id', '=', visitId).execute();
    await recordAudit(trx, ctx.actor, {
      action: 'to_problem',
      entityType: 'research_topic',
      entityId: topic.id,
      entityLabel: topic.title,
      orgPath: topic.orgPath,
      after: { visitId, problemId: problem.id },
    });
    return problem;
  });
}
