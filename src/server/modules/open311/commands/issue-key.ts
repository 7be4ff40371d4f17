import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { issueKey } from '../keys.ts';

/** Issues a key for a city platform; the secret is returned this once and only its hash is kept. */
export async function issueOpen311Key(ctx: Ctx, name: string): Promise<{ id: number; name: string; key: string }> {
  const trimmed = name.trim();
  const out = await ctx.db.transaction().execute(async (trx) => {
    const k = await issueKey(trx, trimmed, ctx.actor.userId, nowIso());
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'open311_key',
      entityId: k.id,
      entityLabel: name,
      orgPath: null,
      after: { name },
    });
    return k;
  });
  return { id: out.id, name: trimmed, key: out.key };
}
