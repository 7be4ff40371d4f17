import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField, usernameTaken } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { hashPassword, passwordProblem } from '../../../auth/passwords.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { userPolicy } from '../policy.ts';
import { findUser, type UserRow } from '../repository.ts';
import { checkPersonLink } from './check-person-link.ts';

export interface CreateUserInput {
  username: string;
  displayName: string;
  personId?: number | null;
  password: string;
}

/** Opens an account; roles are granted separately. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserRow> {
  authorize(userPolicy, 'update', ctx.actor, null);
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw invalidField('password', `“密码”不符合要求：${problem}`);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw usernameTaken(input.username);
    if (input.personId) await checkPersonLink(trx, input.personId, null);
    const now = nowIso();
    const row = await trx
      .insertInto('users')
      .values({
        username: input.username,
        displayName: input.displayName.trim(),
        personId: input.personId ?? null,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = (await findUser(trx, row.id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.username,
      orgPath: null,
      after: { username: user.username, displayName: user.displayName, personId: user.personId },
    });
    return user;
  });
}
