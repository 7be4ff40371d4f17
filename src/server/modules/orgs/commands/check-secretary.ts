import type { Kysely } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import type { Database } from '../../../db/schema.ts';
import { personVisible } from '../../people/public.ts';
import { invalidField } from '../../../errors.ts';

/** The 第一责任人 must be an active person the caller can see. */
export async function checkSecretary(db: Kysely<Database>, actor: Actor, personId: number): Promise<void> {
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', personId)
    .where('active', '=', 1)
    .where(personVisible(actor.scope))
    .executeTakeFirst();
  if (!person) throw invalidField('secretaryId', '“第一责任人”不存在或不在您的数据范围内');
}
