/** What other modules may use from the attachments store. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { invalidField } from '../../errors.ts';

/** Attachments named as evidence must exist and be the caller's own uploads. */
export async function checkOwnAttachments(db: Kysely<Database>, actor: Actor, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db
    .selectFrom('attachments')
    .select('id')
    .where('id', 'in', ids)
    .where('uploadedBy', '=', actor.userId)
    .execute();
  if (rows.length !== new Set(ids).size) throw invalidField('attachmentIds', '“佐证材料”中有不存在或不是您上传的文件');
}
