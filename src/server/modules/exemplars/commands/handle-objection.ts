import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { illegalTransition, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { exemplarPolicy } from '../policy.ts';
import { onNotice } from '../on-notice.ts';

/** Each objection is checked and answered with a result; an upheld one stops the selection. */
export async function handleObjection(
  ctx: Ctx,
  id: number,
  objectionId: number,
  input: { result: string; upheld: boolean },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const e = await onNotice(ctx, trx, id);
    authorize(exemplarPolicy, 'handleObjection', ctx.actor, e);
    const o = await trx
      .selectFrom('exemplarObjections')
      .select(['id', 'handledAt'])
      .where('id', '=', objectionId)
      .where('exemplarId', '=', id)
      .executeTakeFirst();
    if (!o) throw notFound('异议');
    if (o.handledAt) throw illegalTransition('该异议已处理');
    await trx
      .updateTable('exemplarObjections')
      .set({ result: input.result.trim(), upheld: input.upheld ? 1 : 0, handledAt: nowIso() })
      .where('id', '=', objectionId)
      .execute();
    await recordAudit(trx, ctx.actor, {
      action: 'handle_objection',
      entityType: 'exemplar',
      entityId: id,
      entityLabel: e.title,
      orgPath: e.orgPath,
      after: { objectionId, ...input },
    });
  });
}
