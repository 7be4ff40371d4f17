import type { Ctx } from '../../../http/context.ts';
import { nowIso, today } from '../../../clock.ts';
import { illegalTransition, invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { campaignBrief } from '../../campaigns/public.ts';
import { requireUsableAttachments } from '../../attachments/public.ts';
import { requireHappened } from '../../../lib/happened.ts';
import type { MatterStatus } from '../../../../shared/demand-enums.ts';
import { matterPolicy } from '../policy.ts';
import { findMatter, findMatterAnywhere } from '../repository.ts';
import { nextMatterStatus, type MatterTransition } from '../lifecycle.ts';

export interface MatterInput {
  campaignId: number;
  orgId: number;
  ownerId?: number | null;
  title: string;
  target?: string;
  dueDate: string;
}

/** 承接民生实事: a matter promised to the public, at a unit in scope. */
export async function createMatter(ctx: Ctx, input: MatterInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    authorize(matterPolicy, 'update', ctx.actor, { orgPath: org.path, status: 'planned' });
    if (!(await campaignBrief(trx, input.campaignId))) throw invalidField('campaignId', '“主题教育”不存在');
    const now = nowIso();
    const row = await trx
      .insertInto('matters')
      .values({
        campaignId: input.campaignId,
        orgId: org.id,
        orgPath: org.path,
        ownerId: input.ownerId ?? null,
        title: input.title.trim(),
        target: (input.target ?? '').trim(),
        dueDate: input.dueDate,
        status: 'planned',
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'matter',
      entityId: row.id,
      entityLabel: input.title,
      orgPath: org.path,
      after: input,
    });
    return row;
  });
}

/** Edits, 启动/完成/重新推进, and 公开 in one versioned update. */
export async function updateMatter(
  ctx: Ctx,
  id: number,
  input: {
    version: number;
    title?: string;
    target?: string;
    dueDate?: string;
    ownerId?: number | null;
    result?: string;
    published?: boolean;
    action?: MatterTransition;
  },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const m = await requireWritable(
      await findMatter(trx, ctx.actor, id),
      () => findMatterAnywhere(trx, id),
      '民生实事',
    );
    authorize(matterPolicy, 'update', ctx.actor, m);
    if (input.published !== undefined) authorize(matterPolicy, 'publish', ctx.actor, m, '只有办公室可以公开民生实事');
    checkVersion(m.version, input.version);
    const values: Record<string, unknown> = {};
    for (const k of ['title', 'target', 'dueDate', 'ownerId', 'result'] as const)
      if (input[k] !== undefined) values[k] = input[k];
    if (input.published !== undefined) values.published = input.published ? 1 : 0;
    if (input.action) {
      const verdict = nextMatterStatus(m.status as MatterStatus, input.action, input.result ?? m.result);
      if (!verdict.ok) throw illegalTransition(verdict.message);
      values.status = verdict.next;
      values.doneAt = verdict.next === 'done' ? today() : null;
    }
    await updateVersioned(trx, 'matters', id, input.version, values);
    await recordAudit(trx, ctx.actor, {
      action: input.action ?? 'update',
      entityType: 'matter',
      entityId: id,
      entityLabel: m.title,
      orgPath: m.orgPath,
      before: { status: m.status },
      after: values,
    });
  });
}

/** A progress note (with an optional evidence file); a planned matter starts with its first note. */
export async function addProgress(ctx: Ctx, id: number, input: { date: string; note: string; attachmentId?: number }) {
  requireHappened(input.date, 'date', '进展日期');
  await ctx.db.transaction().execute(async (trx) => {
    const m = await requireWritable(
      await findMatter(trx, ctx.actor, id),
      () => findMatterAnywhere(trx, id),
      '民生实事',
    );
    authorize(matterPolicy, 'progress', ctx.actor, m, '已完成的实事不能再填报进展');
    if (input.date > today()) throw invalidField('date', '“进展日期”不能晚于今天');
    if (input.attachmentId)
      await requireUsableAttachments(trx, ctx.actor, [input.attachmentId], 'attachmentId', '佐证材料');
    await trx
      .insertInto('matterProgress')
      .values({
        matterId: id,
        date: input.date,
        note: input.note.trim(),
        attachmentId: input.attachmentId ?? null,
        authorName: ctx.actor.displayName,
        createdAt: nowIso(),
      })
      .execute();
    if (m.status === 'planned') await updateVersioned(trx, 'matters', id, m.version, { status: 'in_progress' });
    await recordAudit(trx, ctx.actor, {
      action: 'progress',
      entityType: 'matter',
      entityId: id,
      entityLabel: m.title,
      orgPath: m.orgPath,
      after: input,
    });
  });
}
