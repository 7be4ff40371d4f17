import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { findMeeting, meetingExists } from '../repository.ts';
import { meetingPolicy } from '../policy.ts';

/** Adds a criticism or self-criticism item (批评与自我批评). */
export async function addMeetingItem(
  ctx: Ctx,
  meetingId: number,
  input: { kind: string; fromPersonId: number; toPersonId?: number | null; content: string },
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await requireWritable(
      await findMeeting(trx, ctx.actor, meetingId),
      () => meetingExists(trx, meetingId),
      '会议',
    );
    authorize(meetingPolicy, 'record', ctx.actor, meeting);
    const row = await trx
      .insertInto('lifeMeetingItems')
      .values({
        meetingId,
        kind: input.kind,
        fromPersonId: input.fromPersonId,
        toPersonId: input.kind === 'self' ? input.fromPersonId : (input.toPersonId ?? null),
        content: input.content.trim(),
        createdAt: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'add_item',
      entityType: 'life_meeting',
      entityId: meetingId,
      entityLabel: meeting.orgName,
      orgPath: meeting.orgPath,
      after: input,
    });
    return row.id;
  });
}
