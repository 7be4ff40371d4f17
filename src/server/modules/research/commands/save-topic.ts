import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { illegalTransition, invalidField, forbidden } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { mayOpenTopic, topicPolicy } from '../policy.ts';
import { findTopic, findTopicAnywhere, type TopicRow } from '../repository.ts';

/** A leader takes a topic (领题) with a plan; the office may assign one to a leader in its scope. */
export async function createTopic(
  ctx: Ctx,
  input: { campaignId: number; orgId: number; leaderId?: number; title: string; plan?: string },
): Promise<TopicRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    const leaderId = input.leaderId ?? ctx.actor.personId;
    if (!leaderId) throw invalidField('leaderId', '请选择领题的领导');
    if (!mayOpenTopic(ctx.actor, { orgPath: org.path, leaderId })) throw forbidden('只有领导本人或办公室可以领题');
    const leader = await trx
      .selectFrom('people')
      .select('id')
      .where('id', '=', leaderId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!leader) throw invalidField('leaderId', '“领题领导”不存在或已停用');
    const now = nowIso();
    const row = await trx
      .insertInto('researchTopics')
      .values({
        campaignId: input.campaignId,
        orgId: org.id,
        orgPath: org.path,
        leaderId,
        title: input.title.trim(),
        plan: (input.plan ?? '').trim(),
        status: 'planned',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const topic = (await findTopic(trx, ctx.actor, row.id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'research_topic',
      entityId: row.id,
      entityLabel: topic.title,
      orgPath: org.path,
      after: input,
    });
    return topic;
  });
}

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
