import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField, forbidden } from '../../../errors.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { mayOpenTopic } from '../policy.ts';
import { findTopic, type TopicRow } from '../repository.ts';

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
