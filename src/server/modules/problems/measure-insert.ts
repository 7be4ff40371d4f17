import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { invalidField } from '../../errors.ts';
import type { Actor } from '../../auth/actor.ts';
import { notifyAssigned } from './notify-events.ts';
import type { ProblemRow } from './repository.ts';
import { checkPeople, resolveDeadline, type DeadlineInput } from './write-checks.ts';

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
