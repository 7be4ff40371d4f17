import type { Ctx } from '../../../http/context.ts';
import { invalidField } from '../../../errors.ts';
import { requireHappened } from '../../../lib/happened.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { studyPolicy } from '../policy.ts';
import { afterSessionWrite } from '../tally.ts';
import { findMakeupInScope, makeupExists, sessionDate } from '../repository.ts';

/**
 * Closes a make-up item (补学完成, with how it was made up: date and note) or reopens it (撤销补学: the absence
 * counts as uncovered again; what was undone stays in the audit trail's before).
 */
export async function setMakeupStatus(
  ctx: Ctx,
  id: number,
  input: { status: 'open' | 'done'; version: number; madeUpDate?: string; note?: string },
): Promise<void> {
  if (input.status === 'done' && input.madeUpDate) requireHappened(input.madeUpDate, 'madeUpDate', '补学日期');
  await ctx.db.transaction().execute(async (trx) => {
    const item = await requireWritable(
      await findMakeupInScope(trx, ctx.actor.scope, id),
      () => makeupExists(trx, id),
      '补学事项',
    );
    authorize(studyPolicy, 'completeMakeup', ctx.actor, item);
    checkVersion(item.version, input.version);
    const absentOn = await sessionDate(trx, item.sessionId);
    if (input.status === 'done' && input.madeUpDate && input.madeUpDate < absentOn)
      throw invalidField('madeUpDate', `“补学日期”不能早于缺席的学习（${absentOn}）`);
    const values = {
      status: input.status,
      madeUpDate: input.status === 'done' ? (input.madeUpDate ?? null) : null,
      note: input.status === 'done' ? (input.note ?? '').trim() : '',
    };
    await updateVersioned(trx, 'makeupItems', id, input.version, values);
    await afterSessionWrite(trx, item.sessionId);
    await recordAudit(trx, ctx.actor, {
      action: input.status === 'done' ? 'makeup_done' : 'makeup_reopen',
      entityType: 'study_session',
      entityId: item.sessionId,
      entityLabel: '补课补学',
      orgPath: item.orgPath,
      before: { status: item.status, madeUpDate: item.madeUpDate, note: item.note },
      after: { personId: item.personId, ...values },
    });
  });
}
