import type { Ctx } from '../../../http/context.ts';
import { illegalTransition } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { institutionPolicy } from '../policy.ts';
import { findInstitution, findInstitutionAnywhere, type InstitutionRow } from '../repository.ts';
import { nextInstitutionStatus, type InstitutionStatus, type InstitutionTransition } from '../lifecycle.ts';

/** 提交审议 / 印发 / 废止. */
export async function transitionInstitution(
  ctx: Ctx,
  id: number,
  input: { action: InstitutionTransition; version: number; issuedDate?: string },
): Promise<InstitutionRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const inst = await requireWritable(
      await findInstitution(trx, ctx.actor, id),
      () => findInstitutionAnywhere(trx, id),
      '制度',
    );
    authorize(institutionPolicy, input.action, ctx.actor, inst);
    checkVersion(inst.version, input.version);
    const verdict = nextInstitutionStatus(inst.status as InstitutionStatus, input.action, input.issuedDate);
    if (!verdict.ok) throw illegalTransition(verdict.message);
    await updateVersioned(trx, 'institutions', id, input.version, {
      status: verdict.next,
      ...(input.action === 'issue' ? { issuedDate: input.issuedDate } : {}),
    });
    const after = (await findInstitution(trx, ctx.actor, id))!;
    await recordAudit(trx, ctx.actor, {
      action: input.action,
      entityType: 'institution',
      entityId: id,
      entityLabel: inst.title,
      orgPath: inst.orgPath,
      before: { status: inst.status },
      after: { status: verdict.next, issuedDate: input.issuedDate },
    });
    return after;
  });
}
