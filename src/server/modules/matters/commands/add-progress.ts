import type { Ctx } from '../../../http/context.ts';
import { nowIso, today } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { requireUsableAttachments } from '../../attachments/public.ts';
import { requireHappened } from '../../../lib/happened.ts';
import { matterPolicy } from '../policy.ts';
import { findMatter, findMatterAnywhere } from '../repository.ts';

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
