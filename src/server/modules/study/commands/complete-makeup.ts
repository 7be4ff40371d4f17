import type { Ctx } from '../../../http/context.ts';
import { notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { inScope } from '../../../db/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { studyPolicy } from '../policy.ts';
import { afterSessionWrite } from '../tally.ts';

/** Closes (补学完成) or reopens a make-up item. */
export async function setMakeupStatus(
  ctx: Ctx,
  id: number,
  input: { status: 'open' | 'done'; version: number; madeUpDate?: string; note?: string },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('makeupItems')
      .selectAll()
      .where('id', '=', id)
      .where(inScope(ctx.actor.scope, 'makeupItems.orgPath', 'makeupItems.personId'))
      .executeTakeFirst();
    if (!item) throw notFound('补学事项');
    authorize(studyPolicy, 'completeMakeup', ctx.actor, item);
    checkVersion(item.version, input.version);
    const values = {
      status: input.status,
      madeUpDate: input.status === 'done' ? (input.madeUpDate ?? null) : null,
      note: (input.note ?? '').trim(),
    };
    await updateVersioned(trx, 'makeupItems', id, input.version, values);
    await afterSessionWrite(trx, item.sessionId);
    await recordAudit(trx, ctx.actor, {
      action: input.status === 'done' ? 'makeup_done' : 'makeup_reopen',
      entityType: 'study_session',
      entityId: item.sessionId,
      entityLabel: '补课补学',
      orgPath: item.orgPath,
      before: { status: item.status },
      after: { personId: item.personId, ...values },
    });
  });
}
