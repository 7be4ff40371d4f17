import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { invalidField, personHasAccount } from '../../../errors.ts';

/** A person may back at most one account, and must exist and be active. */
export async function checkPersonLink(db: Kysely<Database>, personId: number, userId: number | null): Promise<void> {
  const person = await db.selectFrom('people').select(['id', 'active']).where('id', '=', personId).executeTakeFirst();
  if (!person?.active) throw invalidField('personId', '“关联人员”不存在或已停用');
  let other = db.selectFrom('users').select('username').where('personId', '=', personId);
  if (userId !== null) other = other.where('id', '!=', userId);
  const linked = await other.executeTakeFirst();
  if (linked) throw personHasAccount(linked.username);
}
