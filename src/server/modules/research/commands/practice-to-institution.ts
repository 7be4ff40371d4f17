import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { createInstitutionProposal } from '../../institutions/public.ts';
import { topicPolicy } from '../policy.ts';
import { findTopic, findTopicAnywhere } from '../repository.ts';

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
