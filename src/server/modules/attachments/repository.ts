import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { attachmentVisible } from './public.ts';

/** An attachment the caller may open (through attachmentVisible, which asks every linking module). */
export function findVisibleAttachment(db: Kysely<Database>, actor: Actor, id: number) {
  return db
    .selectFrom('attachments')
    .select(['id', 'name', 'mime', 'size', 'sha256'])
    .where('attachments.id', '=', id)
    .where(attachmentVisible(actor))
    .executeTakeFirst();
}

export function insertAttachment(
  db: Kysely<Database>,
  actor: Actor,
  file: { sha256: string; name: string; size: number; mime: string },
) {
  return db
    .insertInto('attachments')
    .values({ ...file, uploadedBy: actor.userId, orgPath: actor.orgPath, createdAt: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
}
