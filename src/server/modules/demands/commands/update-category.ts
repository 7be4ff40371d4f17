import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import { forbidden, notFound } from '../../../errors.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { mayConfigureRates } from '../policy.ts';
import { categoryById } from '../repository.ts';
import type { CategoryPatch } from '../schemas.ts';

/**
 * Changes a 诉求类别: name, group, time limits, or stops it (停用: no new demand takes it; the demands filed
 * under it keep it). New limits apply from the next dispatch; deadlines already set stay as they were.
 */
export async function updateCategory(ctx: Ctx, id: number, body: Static<typeof CategoryPatch>): Promise<void> {
  if (!mayConfigureRates(ctx.actor)) throw forbidden('只有办公室可以维护诉求类别');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await categoryById(trx, id);
    if (!before) throw notFound('诉求类别');
    checkVersion(before.version, body.version);
    const { version, group, active, ...rest } = body;
    await updateVersioned(trx, 'demandCategories', id, version, {
      ...rest,
      ...(group !== undefined ? { groupName: group } : {}),
      ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
    });
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'demand_category',
      entityId: id,
      entityLabel: before.name,
      orgPath: null,
      before,
      after: body,
    });
  });
}
