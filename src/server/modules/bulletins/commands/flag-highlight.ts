import type { Ctx } from '../../../http/context.ts';
import { nowIso, today } from '../../../clock.ts';
import { duplicateEntry, forbidden, invalidField, notFound } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { visibleProblemBrief } from '../../problems/public.ts';
import { visibleTopicBrief } from '../../research/public.ts';
import { visibleSessionBrief } from '../../study/public.ts';
import { mayFlag } from '../policy.ts';
import { HIGHLIGHT_ENTITIES, type HighlightEntity } from '../../../../shared/check-enums.ts';

/** Asks the owning module for the record (as far as the caller may see it). */
async function briefOf(ctx: Ctx, type: HighlightEntity, id: number) {
  if (type === 'study_session') return visibleSessionBrief(ctx.db, ctx.actor, id);
  if (type === 'research_topic') return visibleTopicBrief(ctx.db, ctx.actor, id);
  const p = await visibleProblemBrief(ctx.db, ctx.actor, id);
  if (p && p.status !== 'closed') throw invalidField('entityId', '只有已销号的问题可以作为亮点');
  return p;
}

/** Flags a record as 亮点 / 示范点 / 优秀做法 with a one-line text; the next bulletin of its period quotes it. */
export async function flagHighlight(
  ctx: Ctx,
  input: { entityType: HighlightEntity; entityId: number; kind: string; text: string },
): Promise<{ id: number }> {
  if (!mayFlag(ctx.actor)) throw forbidden('您无权标记亮点');
  const brief = await briefOf(ctx, input.entityType, input.entityId);
  if (!brief) throw notFound(HIGHLIGHT_ENTITIES[input.entityType]);
  return ctx.db.transaction().execute(async (trx) => {
    const dup = await trx
      .selectFrom('highlights')
      .select('id')
      .where('entityType', '=', input.entityType)
      .where('entityId', '=', input.entityId)
      .executeTakeFirst();
    if (dup) throw duplicateEntry('该记录已标记为亮点');
    const row = await trx
      .insertInto('highlights')
      .values({
        campaignId: brief.campaignId,
        orgId: brief.orgId,
        orgPath: brief.orgPath,
        entityType: input.entityType,
        entityId: input.entityId,
        entityLabel: brief.label,
        kind: input.kind,
        text: input.text.trim(),
        date: today(),
        createdBy: ctx.actor.userId,
        createdAt: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'highlight',
      entityType: input.entityType,
      entityId: input.entityId,
      entityLabel: brief.label,
      orgPath: brief.orgPath,
      after: { kind: input.kind, text: input.text },
    });
    return row;
  });
}
