import type { Ctx } from '../../../http/context.ts';
import { invalidField } from '../../../errors.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { changedFields, recordAudit } from '../../audit/record-audit.ts';
import { findUser, personExists, type UserRow } from '../repository.ts';
import { loadUserFor } from './load-user.ts';

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  personId?: number | null;
  active?: boolean;
}

/** Renames, relinks or (de)activates an account; deactivating ends its sessions and revokes nothing else. */
export async function updateUser(ctx: Ctx, id: number, input: UpdateUserInput): Promise<UserRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await loadUserFor(trx, ctx.actor, 'update', id);
    checkVersion(user.version, input.version);
    if (input.personId && !(await personExists(trx, input.personId))) throw invalidField('personId', '对应人员不存在');
    if (input.active === false && id === ctx.actor.userId) throw invalidField('active', '不能停用自己的账号');
    const values: Partial<UserRow> = {};
    if (input.displayName !== undefined) values.displayName = input.displayName.trim();
    if (input.personId !== undefined) values.personId = input.personId;
    if (input.active !== undefined) values.active = input.active ? 1 : 0;
    await updateVersioned(trx, 'users', id, input.version, values);
    // A deactivated account must not keep working through a session still open somewhere.
    if (input.active === false) await trx.deleteFrom('sessions').where('userId', '=', id).execute();
    const after = (await findUser(trx, id))!;
    const action = input.active === false && user.active === 1 ? 'deactivate' : input.active === true && user.active === 0 ? 'activate' : 'update';
    await recordAudit(trx, ctx.actor, { action, entityType: 'user', entityId: id, entityLabel: after.username, orgPath: null, ...changedFields(user, values) });
    return after;
  });
}
