import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { hashSecret, newSecret } from '../../../auth/tokens.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { userPolicy } from '../policy.ts';

/** Creates an API token for scripts; the secret is returned once and only its hash is kept. */
export async function createToken(ctx: Ctx, userId: number, name: string) {
  authorize(userPolicy, 'manageTokens', ctx.actor, null);
  const secret = `tz_${newSecret()}`;
  return ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'username']).where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('账号');
    const createdAt = nowIso();
    const row = await trx
      .insertInto('apiTokens')
      .values({ userId, name: name.trim(), tokenHash: hashSecret(secret), createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create_token',
      entityType: 'user',
      entityId: userId,
      entityLabel: user.username,
      orgPath: null,
      after: { tokenId: row.id, name },
    });
    return { id: row.id, name: name.trim(), createdAt, lastUsedAt: null, token: secret };
  });
}
