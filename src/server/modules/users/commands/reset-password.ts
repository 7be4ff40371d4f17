import type { Ctx } from '../../../http/context.ts';
import { invalidField, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { hashPassword, passwordProblem } from '../../../auth/passwords.ts';
import { nowIso } from '../../../clock.ts';
import { forgetSessions } from '../../../auth/sessions.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { userPolicy } from '../policy.ts';

/**
 * Sets a new password and ends the account's sessions and revokes its API tokens (a reset is what one does when
 * a secret may have leaked: a token made with the old one must stop working too). The audit notes the fact,
 * never the secret.
 */
export async function resetPassword(ctx: Ctx, id: number, password: string): Promise<void> {
  authorize(userPolicy, 'resetPassword', ctx.actor, null);
  const found = await ctx.db.selectFrom('users').select('username').where('id', '=', id).executeTakeFirst();
  if (!found) throw notFound('账号');
  const problem = passwordProblem(password, found.username);
  if (problem) throw invalidField('password', `“密码”不符合要求：${problem}`);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'username']).where('id', '=', id).executeTakeFirst();
    if (!user) throw notFound('账号');
    await trx.updateTable('users').set({ passwordHash, updatedAt: nowIso() }).where('id', '=', id).execute();
    await trx.deleteFrom('sessions').where('userId', '=', id).execute();
    await trx
      .updateTable('apiTokens')
      .set({ revokedAt: nowIso() })
      .where('userId', '=', id)
      .where('revokedAt', 'is', null)
      .execute();
    await recordAudit(trx, ctx.actor, {
      action: 'reset_password',
      entityType: 'user',
      entityId: id,
      entityLabel: user.username,
      orgPath: null,
    });
  });
  forgetSessions(ctx.db);
}
