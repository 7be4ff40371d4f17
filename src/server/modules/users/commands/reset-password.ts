import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField } from '../../../errors.ts';
import { hashPassword, passwordProblem } from '../../../auth/passwords.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadUserFor } from './load-user.ts';

/** The admin sets a new password; the account's open sessions end so the old password's sessions die with it. */
export async function resetPassword(ctx: Ctx, id: number, password: string): Promise<void> {
  await loadUserFor(ctx.db, ctx.actor, 'resetPassword', id);
  const problem = passwordProblem(password);
  if (problem) throw invalidField('password', problem);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const user = await loadUserFor(trx, ctx.actor, 'resetPassword', id);
    await trx.updateTable('users').set({ passwordHash, updatedAt: nowIso() }).where('id', '=', id).execute();
    await trx.deleteFrom('sessions').where('userId', '=', id).execute();
    // The audit event says that it happened, never what the password or its hash is.
    await recordAudit(trx, ctx.actor, { action: 'reset_password', entityType: 'user', entityId: id, entityLabel: user.username, orgPath: null });
  });
}
