import type { Ctx } from '../../../http/context.ts';
import { illegalTransition } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { requireUsableAttachments } from '../../attachments/public.ts';
import { institutionPolicy } from '../policy.ts';
import { findInstitution, findInstitutionAnywhere, type InstitutionRow } from '../repository.ts';
import { isInstitutionOpenFrom } from '../lifecycle.ts';
import { type InstitutionInput, linkProblems } from '../insert-institution.ts';

/** Edits a draft or an institution under review. */
export async function updateInstitution(
  ctx: Ctx,
  id: number,
  input: Partial<Omit<InstitutionInput, 'campaignId' | 'orgId'>> & { version: number },
): Promise<InstitutionRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const inst = await requireWritable(
      await findInstitution(trx, ctx.actor, id),
      () => findInstitutionAnywhere(trx, id),
      '制度',
    );
    authorize(institutionPolicy, 'update', ctx.actor, inst);
    if (!isInstitutionOpenFrom('update', inst.status)) throw illegalTransition('只有起草或审议中的制度可以修改');
    checkVersion(inst.version, input.version);
    const values: Record<string, unknown> = {};
    if (input.title !== undefined) values.title = input.title.trim();
    if (input.action !== undefined) values.action = input.action;
    if (input.reason !== undefined) values.reason = input.reason.trim();
    if (input.attachmentId)
      await requireUsableAttachments(trx, ctx.actor, [input.attachmentId], 'attachmentId', '制度文件');
    if (input.attachmentId !== undefined) values.attachmentId = input.attachmentId;
    await updateVersioned(trx, 'institutions', id, input.version, values);
    if (input.problemIds) await linkProblems(trx, ctx.actor, id, input.problemIds);
    const after = (await findInstitution(trx, ctx.actor, id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'institution',
      entityId: id,
      entityLabel: after.title,
      orgPath: after.orgPath,
      before: inst,
      after: values,
    });
    return after;
  });
}
