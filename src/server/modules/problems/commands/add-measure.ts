import type { Kysely } from 'kysely';
import type { Ctx } from '../../../http/context.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../../../auth/actor.ts';
import { problemPolicy } from '../policy.ts';
import { notifyAssigned } from '../notify-events.ts';
import { afterProblemWrite } from '../problem-writes.ts';
import type { ProblemRow } from '../repository.ts';
import { checkPeople, loadForWrite, requireOpen, resolveDeadline, type DeadlineInput } from './shared.ts';

export interface MeasureInput {
  content: string;
  leaderId?: number | null;
  ownerOrgId?: number;
  ownerId?: number | null;
  deadline: DeadlineInput;
}

/** Inserts one measure of a problem already loaded for writing (used by create and by add). */
export async function insertMeasure(
  trx: Kysely<Database>,
  problem: Pick<ProblemRow, 'id' | 'orgId' | 'title' | 'orgPath'>,
  input: MeasureInput,
  path = 'deadline',
  actor?: Actor,
): Promise<number> {
  await checkPeople(trx, [
    ['leaderId', input.leaderId, '责任领导'],
    ['ownerId', input.ownerId, '责任人'],
  ]);
  const ownerOrgId = input.ownerOrgId ?? problem.orgId;
  const org = await trx
    .selectFrom('orgUnits')
    .select('id')
    .where('id', '=', ownerOrgId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!org) throw invalidField('ownerOrgId', '“责任单位”不存在或已停用');
  const now = nowIso();
  const row = await trx
    .insertInto('problemMeasures')
    .values({
      problemId: problem.id,
      content: input.content.trim(),
      leaderId: input.leaderId ?? null,
      ownerOrgId,
      ownerId: input.ownerId ?? null,
      deadline: await resolveDeadline(trx, input.deadline, path),
      createdAt: now,
      updatedAt: now,
    })
    .returning(['id', 'deadline'])
    .executeTakeFirstOrThrow();
  if (actor)
    await notifyAssigned(trx, actor, problem, {
      content: input.content.trim(),
      ownerId: input.ownerId ?? null,
      deadline: row.deadline,
    });
  return row.id;
}

/** Adds a rectification measure. */
export async function addMeasure(ctx: Ctx, problemId: number, input: MeasureInput): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const { problem, subject } = await loadForWrite(ctx, trx, problemId);
    authorize(problemPolicy, 'addMeasure', ctx.actor, subject);
    requireOpen('addMeasure', subject.status);
    const id = await insertMeasure(trx, problem, input, 'deadline', ctx.actor);
    await afterProblemWrite(trx, problemId);
    await recordAudit(trx, ctx.actor, {
      action: 'add_measure',
      entityType: 'problem',
      entityId: problemId,
      entityLabel: problem.title,
      orgPath: problem.orgPath,
      after: { measureId: id, ...input },
    });
    return id;
  });
}
