import type { Kysely } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../clock.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { studyPolicy } from '../policy.ts';
import { findSession, findSessionAnywhere } from '../repository.ts';
import { syncAttendance, type Attendance } from '../session-attendance.ts';

/**
 * Replaces a session's attendance from a sign-in sheet, in the caller's transaction (the import writes many
 * sessions in one), keeping make-ups in step.
 */
export async function importAttendance(
  trx: Kysely<Database>,
  actor: Actor,
  id: number,
  attendance: Attendance[],
): Promise<void> {
  const session = await requireWritable(
    await findSession(trx, actor, id),
    () => findSessionAnywhere(trx, id),
    '学习活动',
  );
  authorize(studyPolicy, 'record', actor, session);
  await syncAttendance(trx, session, attendance);
  await trx
    .updateTable('studySessions')
    .set((eb) => ({ version: eb('version', '+', 1), updatedAt: nowIso() }))
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'import_attendance',
    entityType: 'study_session',
    entityId: id,
    entityLabel: session.topic,
    orgPath: session.orgPath,
    after: { attendance },
  });
}
