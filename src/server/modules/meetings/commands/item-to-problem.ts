import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { alreadyLinked, notFound } from '../../../errors.ts';
import { createLinkedProblem } from '../../problems/public.ts';
import { findMeeting, findMeetingItem, meetingExists } from '../repository.ts';
import { meetingPolicy } from '../policy.ts';

/** An item becomes a problem (source 民主生活会) for the person it concerns, in one step, linked back. */
export async function itemToProblem(
  ctx: Ctx,
  meetingId: number,
  itemId: number,
  input: { title: string },
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await requireWritable(
      await findMeeting(trx, ctx.actor, meetingId),
      () => meetingExists(trx, meetingId),
      '会议',
    );
    authorize(meetingPolicy, 'record', ctx.actor, meeting);
    const item = await findMeetingItem(trx, meetingId, itemId);
    if (!item) throw notFound('会议事项');
    if (item.problemId) throw alreadyLinked('该事项已转为问题');
    const problem = await createLinkedProblem(trx, ctx.actor, {
      campaignId: meeting.campaignId,
      orgId: meeting.orgId,
      title: input.title,
      description: item.content,
      source: 'life_meeting',
      personId: item.toPersonId ?? undefined,
      sourceRef: { type: 'life_meeting_item', id: itemId },
    });
    await trx.updateTable('lifeMeetingItems').set({ problemId: problem.id }).where('id', '=', itemId).execute();
    await recordAudit(trx, ctx.actor, {
      action: 'to_problem',
      entityType: 'life_meeting',
      entityId: meetingId,
      entityLabel: meeting.orgName,
      orgPath: meeting.orgPath,
      after: { itemId, problemId: problem.id },
    });
    return problem;
  });
}
