import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { topicPolicy } from '../policy.ts';
import { findTopic, findTopicAnywhere, type TopicRow } from '../repository.ts';

/** Writes the report in its four parts (情况 / 问题 / 分析 / 举措); the topic becomes 已报告. */
export async function saveReport(
  ctx: Ctx,
  id: number,
  input: { version: number; situation: string; problems: string; analysis: string; measures: string },
): Promise<TopicRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const topic = await requireWritable(
      await findTopic(trx, ctx.actor, id),
      () => findTopicAnywhere(trx, id),
      '调研课题',
    );
    authorize(topicPolicy, 'report', ctx.actor, topic);
    checkVersion(topic.version, input.version);
    const { version, ...parts } = input;
    await updateVersioned(trx, 'researchTopics', id, version, {
      ...parts,
      status: 'reported',
      reportedAt: nowIso(),
      reviewNote: '',
    });
    const after = (await findTopic(trx, ctx.actor, id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'report',
      entityType: 'research_topic',
      entityId: id,
      entityLabel: topic.title,
      orgPath: topic.orgPath,
      after: parts,
    });
    return after;
  });
}
