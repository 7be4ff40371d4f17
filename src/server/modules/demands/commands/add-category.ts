import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { categoryExists, forbidden } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { mayConfigureRates } from '../policy.ts';
import type { CategoryBody } from '../schemas.ts';

/** Adds a 诉求类别 with its time limits to the catalogue (one per code). */
export async function addCategory(ctx: Ctx, body: Static<typeof CategoryBody>): Promise<{ id: number }> {
  if (!mayConfigureRates(ctx.actor)) throw forbidden('只有办公室可以维护诉求类别');
  const { group, ...rest } = body;
  return ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('demandCategories').select('id').where('code', '=', rest.code).executeTakeFirst())
      throw categoryExists(rest.code);
    const now = nowIso();
    const r = await trx
      .insertInto('demandCategories')
      .values({ ...rest, groupName: group, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'demand_category',
      entityId: r.id,
      entityLabel: rest.name,
      orgPath: null,
      after: body,
    });
    return { id: r.id };
  });
}
