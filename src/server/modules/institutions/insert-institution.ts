import type { Kysely } from 'kysely';
import type { Ctx } from '../../http/context.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { authorize } from '../../policies/engine.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../orgs/public.ts';
import { visibleProblemIds } from '../problems/public.ts';
import { requireUsableAttachments } from '../attachments/public.ts';
import { requireAllIds } from '../../db/access.ts';
import { institutionPolicy } from './policy.ts';
import { findInstitution, type InstitutionRow } from './repository.ts';
import { requireCampaign } from '../campaigns/public.ts';

export interface InstitutionInput {
  campaignId: number;
  orgId: number;
  title: string;
  action: string;
  reason?: string;
  attachmentId?: number | null;
  problemIds?: number[];
  sourceRef?: { type: string; id: number };
}

export async function linkProblems(trx: Kysely<Database>, actor: Actor, institutionId: number, problemIds: number[]) {
  const ids = [...new Set(problemIds)];
  if (!ids.length) return;
  const allowed = await visibleProblemIds(trx, actor, ids);
  requireAllIds(ids, allowed, 'problemIds', '“关联问题”中有不存在或不在您数据范围内的问题');
  await trx.deleteFrom('institutionProblems').where('institutionId', '=', institutionId).execute();
  await trx
    .insertInto('institutionProblems')
    .values(ids.map((problemId) => ({ institutionId, problemId })))
    .execute();
}

/** Drafts an institution (立/改/废) at a unit, linked to the problems it answers. */
export async function insertInstitution(
  trx: Kysely<Database>,
  ctx: Ctx,
  input: InstitutionInput,
): Promise<InstitutionRow> {
  const org = await requireWritable(
    await visibleOrg(trx, ctx.actor.scope, input.orgId),
    () => anyOrg(trx, input.orgId),
    '单位',
  );
  authorize(institutionPolicy, 'update', ctx.actor, { orgPath: org.path, status: 'draft' });
  if (input.attachmentId)
    await requireUsableAttachments(trx, ctx.actor, [input.attachmentId], 'attachmentId', '制度文件');
  await requireCampaign(trx, input.campaignId);
  const now = nowIso();
  const row = await trx
    .insertInto('institutions')
    .values({
      campaignId: input.campaignId,
      orgId: org.id,
      orgPath: org.path,
      title: input.title.trim(),
      action: input.action,
      reason: (input.reason ?? '').trim(),
      status: 'draft',
      attachmentId: input.attachmentId ?? null,
      sourceRefType: input.sourceRef?.type ?? null,
      sourceRefId: input.sourceRef?.id ?? null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await linkProblems(trx, ctx.actor, row.id, input.problemIds ?? []);
  const inst = (await findInstitution(trx, ctx.actor, row.id))!;
  await recordAudit(trx, ctx.actor, {
    action: 'create',
    entityType: 'institution',
    entityId: row.id,
    entityLabel: inst.title,
    orgPath: org.path,
    after: input,
  });
  return inst;
}
