import type { Ctx } from '../../../http/context.ts';
import { notFound } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { revokeKey } from '../keys.ts';

/** Revokes a key: the platform's next request is refused. */
export async function revokeOpen311Key(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const r = await revokeKey(trx, id);
    if (Number(r.numUpdatedRows) !== 1) throw notFound('密钥');
    await recordAudit(trx, ctx.actor, { action: 'revoke', entityType: 'open311_key', entityId: id, orgPath: null });
  });
}
