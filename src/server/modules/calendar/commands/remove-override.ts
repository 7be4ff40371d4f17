import type { Ctx } from '../../../http/context.ts';
import { notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { calendarPolicy } from '../policy.ts';
import { deleteOverrideRow, findOverride } from '../repository.ts';

/** Takes a correction back: the date follows the official calendar again. */
export async function removeOverride(ctx: Ctx, id: number): Promise<void> {
  authorize(calendarPolicy, 'manage', ctx.actor, null);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findOverride(trx, id);
    if (!row) throw notFound('设置');
    await deleteOverrideRow(trx, row.id);
    await recordAudit(trx, ctx.actor, {
      action: 'delete',
      entityType: 'calendar',
      entityId: row.id,
      entityLabel: row.date,
      orgPath: null,
      before: row,
    });
  });
}
