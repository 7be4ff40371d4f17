import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { notFound, deadlineLocked, problemLocked } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { problemPolicy } from '../policy.ts';
import { notifyAssigned } from '../notify-events.ts';
import { afterProblemWrite } from '../problem-writes.ts';
import { checkPeople, loadForWrite, resolveDeadline, type DeadlineInput } from '../write-checks.ts';

export interface MeasurePatchInput {
  version: number;
  content?: string;
  leaderId?: number | null;
  ownerOrgId?: number;
  ownerId?: number | null;
  deadline?: DeadlineInput;
  status?: 'open' | 'done';
}

/** Edits a measure or marks it done. After confirmation a deadline moves only through an extension request. */
export async function updateMeasure(
  ctx: Ctx,
  problemId: number,
  measureId: number,
  input: MeasurePatchInput,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { problem, subject } = await loadForWrite(ctx, trx, problemId);
    const measure = await trx
      .selectFrom('problemMeasures')
      .selectAll()
      .where('id', '=', measureId)
      .where('problemId', '=', problemId)
      .executeTakeFirst();
    if (!measure) throw notFound('整改措施');
    checkVersion(measure.version, input.version);
    const { version, status, ...edits } = input;
    const editing = Object.values(edits).some((v) => v !== undefined);
    if (editing) authorize(problemPolicy, 'addMeasure', ctx.actor, subject);
    if (status !== undefined)
      authorize(problemPolicy, 'reportProgress', ctx.actor, subject, '只有责任人或本单位党务干部可以更新措施完成情况');
    if (problem.status === 'submitted' || problem.status === 'closed') throw problemLocked();
    if (edits.deadline !== undefined && problem.status !== 'draft') {
      throw deadlineLocked();
    }
    await checkPeople(trx, [
      ['leaderId', edits.leaderId, '责任领导'],
      ['ownerId', edits.ownerId, '责任人'],
    ]);
    const values: Record<string, unknown> = {};
    if (edits.content !== undefined) values.content = edits.content.trim();
    if (edits.leaderId !== undefined) values.leaderId = edits.leaderId;
    if (edits.ownerOrgId !== undefined) values.ownerOrgId = edits.ownerOrgId;
    if (edits.ownerId !== undefined) values.ownerId = edits.ownerId;
    if (edits.deadline !== undefined) values.deadline = await resolveDeadline(trx, edits.deadline, 'deadline');
    if (status !== undefined) {
      values.status = status;
      values.doneAt = status === 'done' ? nowIso() : null;
    }
    await updateVersioned(trx, 'problemMeasures', measureId, version, values);
    if (edits.ownerId && edits.ownerId !== measure.ownerId)
      await notifyAssigned(trx, ctx.actor, problem, {
        content: (values.content as string | undefined) ?? measure.content,
        ownerId: edits.ownerId,
        deadline: (values.deadline as string | undefined) ?? measure.deadline,
      });
    await afterProblemWrite(trx, problemId);
    await recordAudit(trx, ctx.actor, {
      action: status === 'done' ? 'measure_done' : 'update_measure',
      entityType: 'problem',
      entityId: problemId,
      entityLabel: problem.title,
      orgPath: problem.orgPath,
      before: Object.fromEntries(Object.keys(values).map((k) => [k, (measure as Record<string, unknown>)[k]])),
      after: { measureId, ...values },
    });
  });
}
