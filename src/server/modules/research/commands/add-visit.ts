import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { topicPolicy } from '../policy.ts';
import { findTopic, findTopicAnywhere } from '../repository.ts';

/** Records a visit: date, place, method (四不两直, 座谈, 走访, 蹲点…), whom met, findings. */
export async function addVisit(
  ctx: Ctx,
  topicId: number,
  input: { date: string; place: string; method: string; met?: string; findings?: string },
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const topic = await requireWritable(
      await findTopic(trx, ctx.actor, topicId),
      () => findTopicAnywhere(trx, topicId),
      '调研课题',
    );
    authorize(topicPolicy, 'update', ctx.actor, topic);
    const row = await trx
      .insertInto('researchVisits')
      .values({
        topicId,
        date: input.date,
        place: input.place.trim(),
        method: input.method,
        met: (input.met ?? '').trim(),
        findings: (input.findings ?? '').trim(),
        createdAt: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (topic.status === 'planned')
      await trx.updateTable('researchTopics').set({ status: 'in_progress' }).where('id', '=', topicId).execute();
    await recordAudit(trx, ctx.actor, {
      action: 'visit',
      entityType: 'research_topic',
      entityId: topicId,
      entityLabel: topic.title,
      orgPath: topic.orgPath,
      after: { visitId: row.id, ...input },
    });
    return row.id;
  });
}
