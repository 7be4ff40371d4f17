import type { Kysely } from 'kysely';
import type { Ctx } from '../../http/context.ts';
import type { Database } from '../../db/schema.ts';
import { illegalTransition, invalidField } from '../../errors.ts';
import { PROBLEM_STATUSES, type ProblemStatus } from '../../../shared/problem-enums.ts';
import { isOpenFrom, type ProblemAction } from './lifecycle.ts';
import { today } from '../../clock.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { addWorkingDays } from '../../lib/working-days.ts';
import { findProblem, findProblemInScope, measuresOf, type ProblemRow } from './repository.ts';
import type { ProblemSubject } from './policy.ts';
import { requireUsableAttachments } from '../attachments/public.ts';

/** A problem loaded for a write (403 outside scope, 404 unknown), with whether the caller owns a measure. */
export async function loadForWrite(ctx: Ctx, trx: Kysely<Database>, id: number) {
  const problem: ProblemRow = await requireWritable(
    await findProblemInScope(trx, ctx.actor, id),
    () => findProblem(trx, id),
    '问题',
  );
  const measures = await measuresOf(trx, [id]);
  const ownsMeasure = ctx.actor.personId !== null && measures.some((m) => m.ownerId === ctx.actor.personId);
  const subject: ProblemSubject = { ...problem, ownsMeasure };
  return { problem, subject, measures };
}

/** 409 when the problem's status does not allow the action at all (the lifecycle's OPEN_FROM). */
export function requireOpen(action: ProblemAction, status: string): void {
  if (!isOpenFrom(action, status))
    throw illegalTransition(`问题当前为“${PROBLEM_STATUSES[status as ProblemStatus] ?? status}”，不能执行此操作`);
}

export type DeadlineInput = string | { workingDays: number };

/** A deadline given as a date or as N working days from today (holidays, make-up days and overrides honoured). */
export async function resolveDeadline(trx: Kysely<Database>, deadline: DeadlineInput, path: string): Promise<string> {
  if (typeof deadline === 'string') {
    if (deadline < today()) throw invalidField(path, '“整改时限”不能早于今天');
    return deadline;
  }
  const rows = await trx.selectFrom('calendarOverrides').select(['date', 'kind']).execute();
  return addWorkingDays(
    today(),
    deadline.workingDays,
    new Map(rows.map((r) => [r.date, r.kind as 'workday' | 'holiday'])),
  );
}

/** The people named on a problem or measure must exist and be active. */
export async function checkPeople(
  trx: Kysely<Database>,
  people: Array<[string, number | null | undefined, string]>,
): Promise<void> {
  for (const [path, id, label] of people) {
    if (!id) continue;
    const row = await trx
      .selectFrom('people')
      .select('id')
      .where('id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!row) throw invalidField(path, `“${label}”不存在或已停用`);
  }
}

/** Attachments must exist and be the caller's own uploads (or already visible to them). */
export async function checkAttachments(trx: Kysely<Database>, ctx: Ctx, ids: number[]): Promise<void> {
  await requireUsableAttachments(trx, ctx.actor, ids, 'attachmentIds', '佐证材料');
}
