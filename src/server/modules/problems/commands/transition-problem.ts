import type { Kysely } from 'kysely';
import type { Ctx } from '../../../http/context.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../clock.ts';
import { illegalTransition } from '../../../errors.ts';
import { idsOfPath } from '../../../db/scope.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg } from '../../orgs/public.ts';
import { linkClosedProblem } from '../../institutions/public.ts';
import type { ProblemStatus } from '../../../../shared/problem-enums.ts';
import { decide, type Action } from '../lifecycle.ts';
import { problemPolicy } from '../policy.ts';
import { afterProblemStatusWrite, afterProblemWrite } from '../problem-writes.ts';
import type { MeasureRow, ProblemRow } from '../repository.ts';
import { checkAttachments, loadForWrite } from '../write-checks.ts';
import { notifyReviewed } from '../notify-events.ts';

export interface TransitionInput {
  action: Action;
  version: number;
  reason?: string;
  effect?: string;
  attachmentIds?: number[];
  /** 发现一个问题、解决一类问题: the institution a closure produced. */
  institutionId?: number;
}

const auditAction: Record<Action, string> = {
  confirm: 'confirm',
  submit: 'submit',
  approve: 'approve',
  reject: 'reject',
  escalate: 'escalate',
};

/** "根子在上面": the parent unit gets a linked problem it owns; the lower unit keeps following it. */
async function escalate(trx: Kysely<Database>, ctx: Ctx, problem: ProblemRow): Promise<number> {
  const org = await anyOrg(trx, problem.orgId);
  const parent = org?.parentId ? await anyOrg(trx, org.parentId) : undefined;
  if (!parent) throw illegalTransition('顶级单位的问题无法再向上级上报');
  const now = nowIso();
  const row = await trx
    .insertInto('problems')
    .values({
      campaignId: problem.campaignId,
      orgId: parent.id,
      orgPath: parent.path,
      title: problem.title,
      description: `【${problem.orgName}上报】${problem.description}`,
      source: problem.source,
      category: problem.category,
      rootCauses: problem.rootCauses,
      kind: problem.kind,
      status: 'draft',
      escalatedFromId: problem.id,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await afterProblemWrite(trx, row.id);
  await recordAudit(trx, ctx.actor, {
    action: 'create',
    entityType: 'problem',
    entityId: row.id,
    entityLabel: problem.title,
    orgPath: parent.path,
    after: { escalatedFromId: problem.id, orgId: parent.id },
  });
  return row.id;
}

/**
 * Moves a problem along its lifecycle: confirm, submit for 销号, approve, return, escalate. Each row is read
 * once: the problem and its measures as loaded for the write (a transition never changes the measures, so
 * neither the due date), and the answer is that record with what was written, not a read-back.
 */
export async function transitionProblem(
  ctx: Ctx,
  id: number,
  input: TransitionInput,
): Promise<{ problem: ProblemRow; measures: MeasureRow[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const { problem, subject, measures } = await loadForWrite(ctx, trx, id);
    // Who may act is the policy's (403); whether the status allows it is decide()'s below (409).
    authorize(problemPolicy, input.action, ctx.actor, subject);
    checkVersion(problem.version, input.version);
    const attachmentIds = input.attachmentIds ?? [];
    await checkAttachments(trx, ctx, attachmentIds);
    // Evidence on file and an escalated copy, in one round trip; the unit has a parent unless its path is a root's.
    const facts = await trx
      .selectNoFrom((eb) => [
        eb
          .selectFrom('problemEvidence')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('problemId', '=', id)
          .as('evidence'),
        eb.selectFrom('problems').select('id').where('escalatedFromId', '=', id).limit(1).as('escalatedTo'),
      ])
      .executeTakeFirstOrThrow();
    const verdict = decide(
      {
        status: problem.status as ProblemStatus,
        measureCount: measures.length,
        openMeasureCount: measures.filter((m) => m.status === 'open').length,
        evidenceCount: Number(facts.evidence),
        escalated: facts.escalatedTo !== null,
        hasParent: idsOfPath(problem.orgPath).length > 1,
      },
      input.action,
      { effect: input.effect, reason: input.reason, attachmentCount: attachmentIds.length },
    );
    if (!verdict.ok) throw illegalTransition(verdict.message);

    const now = nowIso();
    const values: Record<string, unknown> = { status: verdict.next };
    if (input.action === 'submit')
      Object.assign(values, {
        effect: input.effect!.trim(),
        submittedAt: now,
        submittedBy: ctx.actor.userId,
        returnReason: '',
      });
    if (input.action === 'reject') Object.assign(values, { returnReason: input.reason!.trim(), submittedBy: null });
    if (input.action === 'approve') {
      values.closedAt = now;
      if (input.institutionId) values.institutionId = await linkClosedProblem(trx, ctx.actor, input.institutionId, id);
    }
    let linkedId: number | undefined;
    if (input.action === 'escalate') linkedId = await escalate(trx, ctx, problem);
    for (const attachmentId of attachmentIds)
      await trx
        .insertInto('problemEvidence')
        .values({ problemId: id, measureId: null, attachmentId, createdAt: now })
        .execute();
    const stamp = await updateVersioned(trx, 'problems', id, input.version, values);
    await afterProblemStatusWrite(trx, id);
    if (input.action === 'approve' || input.action === 'reject')
      await notifyReviewed(
        trx,
        ctx.actor,
        problem,
        measures.map((m) => m.ownerId),
        input.action === 'approve',
        input.reason?.trim(),
      );
    await recordAudit(trx, ctx.actor, {
      action: auditAction[input.action],
      entityType: 'problem',
      entityId: id,
      entityLabel: problem.title,
      orgPath: problem.orgPath,
      before: { status: problem.status },
      after: {
        status: verdict.next,
        reason: input.reason,
        effect: input.effect,
        attachmentIds,
        escalatedToId: linkedId,
      },
    });
    return { problem: { ...problem, ...values, ...stamp } as ProblemRow, measures };
  });
}
