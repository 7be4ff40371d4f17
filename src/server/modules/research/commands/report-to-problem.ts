import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { createLinkedProblem } from '../../problems/public.ts';
import { topicPolicy } from '../policy.ts';
import { findTopic, findTopicAnywhere } from '../repository.ts';

/** A report's problem part becomes a problem in one step. */
export async function reportToProblem(
  ctx: Ctx,
  topicId: number,
  input: { title: string; description?: string; orgId?: number },
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const topic = await requireWritable(
      await findTopic(trx, ctx.actor, topicId),
      () => findTopicAnywhere(trx, topicId),
      '调研课题',
    );
    authorize(topicPolicy, 'toProblem', ctx.actor, topic);
    const problem = await createLinkedProblem(trx, ctx.actor, {
      campaignId: topic.campaignId,
      orgId: input.orgId ?? topic.orgId,
      title: input.title,
      description: input.description ?? topic.problems,
      source: 'research',
      sourceRef: { type: 'research_report', id: topicId },
    });
    await recordAudit(trx, ctx.actor, {
      action: 'to_problem',
      entityType: 'research_topic',
      entityId: topicId,
      entityLabel: topic.title,
      orgPath: topic.orgPath,
      after: { problemId: problem.id },
    });
    return problem;
  });
}
