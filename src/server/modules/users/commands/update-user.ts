import type { Ctx } from '../../../http/context.ts';
import { invalidField, notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit, changedFields } from '../../audit/record-audit.ts';
import { userPolicy } from '../policy.ts';
import { findUser, type UserRow } from '../repository.ts';
import { auditSnapshot } from '../presenter.ts';
import { checkPersonLink } from './check-person-link.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';
import { forgetSessions } from '../../../auth/sessions.ts';

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  personId?: number | null;
  active?: boolean;
}

/** Renames, relinks, deactivates or reactivates an account; deactivation ends its sessions at once. */
export async function updateUser(ctx: Ctx, id: number, input: UpdateUserInput): Promise<UserRow> {
  authorize(userPolicy, 'update', ctx.actor, null);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const user = await findUser(trx, id);
      if (!user) throw notFound('账号');
      checkVersion(user.version, input.version);
      // An admin switching off their own account could leave the system with nobody to turn it back on.
      if (input.active === false && id === ctx.actor.userId) throw invalidField('active', '不能停用自己的账号');
      if (input.personId) await checkPersonLink(trx, input.personId, id);
      const values: Record<string, unknown> = {};
      if (input.displayName !== undefined) values.displayName = input.displayName.trim();
      if (input.personId !== undefined) values.personId = input.personId;
      if (input.active !== undefined) values.active = input.active ? 1 : 0;
      await updateVersioned(trx, 'users', id, input.version, values);
      if (input.active === false) {
        await trx.deleteFrom('sessions').where('userId', '=', id).execute();
      }
      const after = (await findUser(trx, id))!;
      const diff = changedFields(auditSnapshot(user), auditSnapshot(after));
      await recordAudit(trx, ctx.actor, {
        action: input.active === false ? 'deactivate' : 'update',
        entityType: 'user',
        entityId: id,
        entityLabel: user.username,
        orgPath: null,
        ...diff,
      });
      return after;
    })
    .then(actorsChangedAfter(ctx.db))
    .then((after) => {
      // Committed: a switched-off account's kept sessions end with its deleted ones.
      if (input.active === false) forgetSessions(ctx.db);
      return after;
    });
}
