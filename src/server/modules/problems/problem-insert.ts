import type { Kysely } from 'kysely';
import type { Ctx } from '../../http/context.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { invalidField } from '../../errors.ts';
import { authorize } from '../../policies/engine.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../orgs/public.ts';
import { problemPolicy } from './policy.ts';
import { afterProblemWrite } from './problem-writes.ts';
import { findProblemInScope, type ProblemRow } from './repository.ts';
import { insertMeasure, type MeasureInput } from './measure-insert.ts';
import { checkRefs, columnsOf, type ProblemFields } from './problem-fields.ts';

export interface CreateProblemInput extends ProblemFields {
  campaignId: number;
  orgId: number;
  title: string;
  source: string;
  kind: string;
  measures?: MeasureInput[];
  sourceRef?: { type: string; id: number };
  escalatedFromId?: number;
}

/** Records a problem (待审核) with its measures; also the target of findings from research, meetings and checks. */
export async function insertProblem(
  trx: Kysely<Database>,
  ctx: Ctx,
  input: CreateProblemInput,
  authorizeWrite = true,
): Promise<ProblemRow> {
  const org = await requireWritable(
    await visibleOrg(trx, ctx.actor.scope, input.orgId),
    () => anyOrg(trx, input.orgId),
    '单位',
  );
  if (authorizeWrite)
    authorize(problemPolicy, 'update', ctx.actor, { orgPath: org.path, status: 'draft', personId: null });
  const campaign = await trx
    .selectFrom('campaigns')
    .select(['id', 'status'])
    .where('id', '=', input.campaignId)
    .executeTakeFirst();
  if (!campaign) throw invalidField('campaignId', '“主题教育”不存在');
  await checkRefs(trx, input.campaignId, input);
  const { measures = [], campaignId, orgId, sourceRef, escalatedFromId, ...fields } = input;
  const now = nowIso();
  const row = await trx
    .insertInto('problems')
    .values({
      ...(columnsOf(fields) as { title: string; source: string; kind: string }),
      campaignId,
      orgId,
      orgPath: org.path,
      status: 'draft',
      escalatedFromId: escalatedFromId ?? null,
      sourceRefType: sourceRef?.type ?? null,
      sourceRefId: sourceRef?.id ?? null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ref = { id: row.id, orgId, orgPath: org.path, title: (fields.title as string | undefined)?.trim() ?? '' };
  for (const [i, m] of measures.entries()) await insertMeasure(trx, ref, m, `measures.${i}.deadline`, ctx.actor);
  await afterProblemWrite(trx, row.id);
  const problem = (await findProblemInScope(trx, { ...ctx.actor, scope: { ...ctx.actor.scope, all: true } }, row.id))!;
  await recordAudit(trx, ctx.actor, {
    action: 'create',
    entityType: 'problem',
    entityId: row.id,
    entityLabel: problem.title,
    orgPath: org.path,
    after: { ...fields, orgId, campaignId, measures: measures.length },
  });
  return problem;
}
