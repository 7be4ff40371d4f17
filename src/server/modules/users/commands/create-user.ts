import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { conflict, invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { hashPassword, passwordProblem } from '../../../auth/passwords.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { userPolicy } from '../policy.ts';
import { findUser, personExists, usernameTaken, type UserRow } from '../repository.ts';
import { auditSnapshot } from '../presenter.ts';

export interface CreateUserInput {
  username: string;
  displayName: string;
  personId?: number | null;
  password: string;
}

/** Opens an account; the password must meet the policy and the username must be free. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserRow> {
  authorize(userPolicy, 'update', ctx.actor, null);
  const problem = passwordProblem(input.password);
  if (problem) throw invalidField('password', problem);
  const username = input.username.trim();
  // Hash outside the transaction: argon2 is slow and must not hold a write lock.
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (await usernameTaken(trx, username)) throw conflict('username_taken', `用户名“${username}”已被使用`);
    if (input.personId && !(await personExists(trx, input.personId))) throw invalidField('personId', '对应人员不存在');
    const now = nowIso();
    const row = await trx
      .insertInto('users')
      .values({ username, displayName: input.displayName.trim(), personId: input.personId ?? null, passwordHash, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = (await findUser(trx, row.id))!;
    await recordAudit(trx, ctx.actor, { action: 'create', entityType: 'user', entityId: user.id, entityLabel: user.username, orgPath: null, after: auditSnapshot(user) });
    return user;
  });
}
