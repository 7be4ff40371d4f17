import type { Ctx } from '../../../http/context.ts';
import { requireHappened } from '../../../lib/happened.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { studyPolicy } from '../policy.ts';
import { findSession, findSessionAnywhere, type SessionRow } from '../repository.ts';
import { sessionColumns, syncAttendance, type SessionInput } from '../session-attendance.ts';

/** Corrects a session; attendance edits keep make-ups in step. */
export async function updateSession(
  ctx: Ctx,
  id: number,
  input: Omit<SessionInput, 'campaignId' | 'orgId'> & { version: number },
): Promise<SessionRow> {
  requireHappened(input.date, 'date', '日期');
  return ctx.db.transaction().execute(async (trx) => {
    const session = await requireWritable(
      await findSession(trx, ctx.actor, id),
      () => findSessionAnywhere(trx, id),
      '学习活动',
    );
    authorize(studyPolicy, 'record', ctx.actor, session);
    checkVersion(session.version, input.version);
    const { version, attendance, ...rest } = input;
    await updateVersioned(trx, 'studySessions', id, version, sessionColumns(rest));
    await syncAttendance(trx, { ...session, kind: rest.kind }, attendance);
    const after = (await findSession(trx, ctx.actor, id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'study_session',
      entityId: id,
      entityLabel: after.topic,
      orgPath: after.orgPath,
      before: session,
      after: input,
    });
    return after;
  });
}
