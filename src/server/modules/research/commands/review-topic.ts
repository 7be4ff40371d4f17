import type { Ctx } from '../../../http/context.ts';
import { illegalTransition, invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { topicPolicy } from '../policy.ts';
import { findTopic, findTopicAnywhere, type TopicRow } from '../repository.ts';

/** The reviewer accepts the report (and may push it upward, 择优推送) or returns it with a note. */
export async function reviewTopic(
  ctx: Ctx,
  id: number,
  input: { version: number; accept: boolean; recommended?: boolean; note?: string },
): Promise<TopicRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const topic = await requireWritable(
      await findTopic(trx, ctx.actor, id),
      () => findTopicAnywhere(trx, id),
      '调研课题',
    );
    if (topic.status !== 'reported') throw illegalTransition('只有已提交报告的课题可以审核');
    authorize(topicPolicy, 'review', ctx.actor, topic);
    checkVersion(topic.version, input.version);
    if (!input.accept && !input.note?.trim()) throw invalidField('note', '退回须填写意见');
    const values = {
      status: input.accept ? 'accepted' : 'planned',
      recommended: input.accept && input.recommended ? 1 : 0,
      reviewNote: (input.note ?? '').trim(),
    };
    await updateVersioned(trx, 'researchTopics', id, input.version, values);
    const after = (await findTopic(trx, ctx.actor, id))!;
    await recordAudit(trx, ctx.actor, {
      action: input.accept ? 'accept' : 'return',
      entityType: 'research_topic',
      entityId: id,
      entityLabel: topic.title,
      orgPath: topic.orgPath,
      before: { status: topic.status },
      after: values,
    });
    return after;
  });
}
