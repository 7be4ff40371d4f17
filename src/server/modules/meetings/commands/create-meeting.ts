import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { invalidField } from '../../../errors.ts';
import { requireHappened } from '../../../lib/happened.ts';
import { pathInSubtree } from '../../../db/scope.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { requireUsableAttachments } from '../../attachments/public.ts';
import { meetingPolicy } from '../policy.ts';
import { MEETING_KINDS, type MeetingKind } from '../schemas.ts';

/** Records a 专题民主生活会 / 组织生活会 with its attendees and 对照检查材料. */
export async function createMeeting(
  ctx: Ctx,
  input: {
    campaignId: number;
    orgId: number;
    kind: string;
    date: string;
    attendeeIds: number[];
    materialAttachmentId?: number | null;
  },
): Promise<number> {
  // A meeting is recorded once held (its attendees spoke, its 对照检查材料 exist): never dated ahead.
  requireHappened(input.date, 'date', '会议日期');
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    authorize(meetingPolicy, 'record', ctx.actor, { orgPath: org.path });
    const ids = [...new Set(input.attendeeIds)];
    if (ids.length) {
      const found = await trx
        .selectFrom('people')
        .select('id')
        .where('id', 'in', ids)
        .where((eb) => pathInSubtree(eb, 'people.orgPath', org.path))
        .execute();
      if (found.length !== ids.length) throw invalidField('attendeeIds', '“参会人员”中有不属于本单位的人员');
    }
    if (input.materialAttachmentId)
      await requireUsableAttachments(
        trx,
        ctx.actor,
        [input.materialAttachmentId],
        'materialAttachmentId',
        '对照检查材料',
      );
    const now = nowIso();
    const row = await trx
      .insertInto('lifeMeetings')
      .values({
        campaignId: input.campaignId,
        orgId: org.id,
        orgPath: org.path,
        kind: input.kind,
        date: input.date,
        attendeeIds: JSON.stringify(ids),
        materialAttachmentId: input.materialAttachmentId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'life_meeting',
      entityId: row.id,
      entityLabel: `${org.name}${MEETING_KINDS[input.kind as MeetingKind]}`,
      orgPath: org.path,
      after: input,
    });
    return row.id;
  });
}
