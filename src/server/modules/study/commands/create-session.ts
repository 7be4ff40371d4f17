import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { requireHappened } from '../../../lib/happened.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { studyPolicy } from '../policy.ts';
import { findSession, type SessionRow } from '../repository.ts';
import { requireCampaign } from '../../campaigns/public.ts';
import { sessionColumns, syncAttendance, type SessionInput } from '../session-attendance.ts';

/** Records a collective session with its attendance; absentees get make-up items. */
export async function createSession(ctx: Ctx, input: SessionInput): Promise<SessionRow> {
  requireHappened(input.date, 'date', '日期');
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    authorize(studyPolicy, 'record', ctx.actor, { orgPath: org.path });
    await requireCampaign(trx, input.campaignId);
    const now = nowIso();
    const row = await trx
      .insertInto('studySessions')
      .values({
        campaignId: input.campaignId,
        orgId: org.id,
        orgPath: org.path,
        ...sessionColumns(input),
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncAttendance(trx, { id: row.id, orgPath: org.path, kind: input.kind }, input.attendance);
    const session = (await findSession(trx, ctx.actor, row.id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'study_session',
      entityId: row.id,
      entityLabel: session.topic,
      orgPath: org.path,
      after: input,
    });
    return session;
  });
}
