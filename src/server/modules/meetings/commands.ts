import type { Kysely } from 'kysely';
import type { Ctx } from '../../http/context.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { authorize, hasRole, type Policy } from '../../policies/engine.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { inScope, pathInSubtree, scopeContains } from '../../db/scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../orgs/public.ts';
import { createLinkedProblem } from '../problems/public.ts';

export const MEETING_KINDS = { democratic_life: '专题民主生活会', organisational_life: '组织生活会' } as const;

/** The unit's 第一责任人, officers and the office record the meeting and turn its items into problems. */
export const meetingPolicy: Policy<{ orgPath: string }> = {
  record: (actor, m) =>
    hasRole(actor, 'admin', 'office', 'secretary', 'officer') && scopeContains(actor.scope, m.orgPath),
};

export function findMeeting(db: Kysely<Database>, actor: Actor, id: number) {
  return db
    .selectFrom('lifeMeetings')
    .innerJoin('orgUnits', 'orgUnits.id', 'lifeMeetings.orgId')
    .selectAll('lifeMeetings')
    .select('orgUnits.name as orgName')
    .where('lifeMeetings.id', '=', id)
    .where(inScope(actor.scope, 'lifeMeetings.orgPath'))
    .executeTakeFirst();
}

const meetingExists = (db: Kysely<Database>, id: number) =>
  db.selectFrom('lifeMeetings').select('id').where('id', '=', id).executeTakeFirst();

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
    if (input.materialAttachmentId) {
      const att = await trx
        .selectFrom('attachments')
        .select('id')
        .where('id', '=', input.materialAttachmentId)
        .where('uploadedBy', '=', ctx.actor.userId)
        .executeTakeFirst();
      if (!att) throw invalidField('materialAttachmentId', '“对照检查材料”文件不存在或不是您上传的');
    }
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
      entityLabel: `${org.name}${MEETING_KINDS[input.kind as keyof typeof MEETING_KINDS]}`,
      orgPath: org.path,
      after: input,
    });
    return row.id;
  });
}

/** Adds a criticism or self-criticism item (批评与自我批评). */
export async function addItem(
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
    const item = await trx
      .selectFrom('lifeMeetingItems')
      .selectAll()
      .where('id', '=', itemId)
      .where('meetingId', '=', meetingId)
      .executeTakeFirst();
    if (!item) throw notFound('会议事项');
    if (item.problemId) throw conflict('already_linked', '该事项已转为问题');
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
