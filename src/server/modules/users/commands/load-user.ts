import type { Kysely } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import type { Database } from '../../../db/schema.ts';
import { notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { userPolicy } from '../policy.ts';
import { findUser, type UserRow } from '../repository.ts';

/** Authorizes the admin-only action first (so others get 403, never a hint), then loads the account or 404. */
export async function loadUserFor(db: Kysely<Database>, actor: Actor, action: string, id: number): Promise<UserRow> {
  authorize(userPolicy, action, actor, null);
  const user = await findUser(db, id);
  if (!user) throw notFound('用户');
  return user;
}
