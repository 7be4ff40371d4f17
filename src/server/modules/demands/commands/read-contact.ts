import type { Ctx } from '../../../http/context.ts';
import { notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { demandPolicy } from '../policy.ts';
import { findDemand } from '../repository.ts';

/** The complainant's name and phone, for those who may see them; every read is in the audit trail. */
export async function readContact(ctx: Ctx, id: number): Promise<{ name: string; phone: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const d = await findDemand(trx, ctx.actor, id);
    if (!d) throw notFound('诉求');
    authorize(demandPolicy, 'seeContact', ctx.actor, d, '该诉求人要求保密，或您无权查看诉求人信息');
    await recordAudit(trx, ctx.actor, {
      action: 'read_contact',
      entityType: 'demand',
      entityId: id,
      entityLabel: `${d.trackingCode} 查看诉求人联系方式`,
      orgPath: d.orgPath ?? d.intakePath,
    });
    return { name: d.name, phone: d.phone };
  });
}
