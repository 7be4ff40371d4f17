import type { Ctx } from '../../../http/context.ts';
import { notFound, alreadyLinked } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { createLinkedProblem } from '../../problems/public.ts';
import { createInstitutionProposal } from '../../institutions/public.ts';
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

/** A good practice found in research becomes an institution proposal (建章立制, 起草). */
export async function practiceToInstitution(
  ctx: Ctx,
  topicId: number,
  input: { title: string; reason: string },
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const topic = await requireWritable(
      await findTopic(trx, ctx.actor, topicId),
      () => findTopicAnywhere(trx, topicId),
      '调研课题',
    );
    authorize(topicPolicy, 'toProblem', ctx.actor, topic);
    const inst = await createInstitutionProposal(trx, ctx.actor, {
      campaignId: topic.campaignId,
      orgId: topic.orgId,
      title: input.title,
      reason: input.reason,
      sourceRef: { type: 'research_report', id: topicId },
    });
    await recordAudit(trx, ctx.actor, {
      action: 'to_institution',
      entityType: 'research_topic',
      entityId: topicId,
      entityLabel: topic.title,
      orgPath: topic.orgPath,
      after: { institutionId: inst.id },
    });
    return inst;
  });
}
