import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { hashSecret, newSecret } from '../../../auth/tokens.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadUserFor } from './load-user.ts';

/** Issues an API token for scripts; only its hash is stored, so the secret is returned this once. */
export async function createToken(ctx: Ctx, userId: number, name: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await loadUserFor(trx, ctx.actor, 'manageTokens', userId);
    const token = newSecret();
    const createdAt = nowIso();
    const row = await trx
      .insertInto('apiTokens')
      .values({ userId, name: name.trim(), tokenHash: hashSecret(token), createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, { action: 'create_token', entityType: 'user', entityId: userId, entityLabel: user.username, orgPath: null, after: { tokenId: row.id, name: name.trim() } });
    return { id: row.id, name: name.trim(), token, createdAt };
  });
}
