/**
 * What other modules may use from 附件. A file is visible to its uploader, to those whose scope holds the
 * uploader's unit, and to whoever may see a record it is attached to — and only the owning module knows who
 * may see its records. So a module whose table links attachments registers an `AttachmentLink` (an EXISTS
 * over its table, through its own visibility rule); src/server/modules/routes.ts registers them all at start.
 */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { distinctIds, requireAllIds } from '../../db/access.ts';
import { inScope } from '../../db/scope.ts';

/** "Some record the caller may see links the attachment in the outer query (attachments.id)." */
export type AttachmentLink = (actor: Actor) => (eb: ExpressionBuilder<Database, 'attachments'>) => Expression<SqlBool>;

const links = new Map<string, AttachmentLink>();

/** Called once per linking module (by name, so registering twice replaces). */
export function registerAttachmentLink(owner: string, link: AttachmentLink): void {
  links.set(owner, link);
}

/** The attachments the caller may open. */
export function attachmentVisible(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'attachments'>) =>
    eb.or([
      eb('attachments.uploadedBy', '=', actor.userId),
      inScope(actor.scope, 'attachments.orgPath')(eb),
      ...[...links.values()].map((link) => link(actor)(eb)),
    ]);
}

/** Of these attachment ids, those the caller may open. */
export async function visibleAttachmentIds(
  db: Kysely<Database>,
  actor: Actor,
  ids: readonly number[],
): Promise<Set<number>> {
  const unique = distinctIds(ids);
  if (!unique.length) return new Set();
  const rows = await db
    .selectFrom('attachments')
    .select('attachments.id')
    .where('attachments.id', 'in', unique)
    .where(attachmentVisible(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * A record may link only files the caller uploaded or may already open (never another user's upload they
 * cannot see): 400 on `field` otherwise.
 */
export async function requireUsableAttachments(
  db: Kysely<Database>,
  actor: Actor,
  ids: readonly number[],
  field: string,
  label: string,
): Promise<void> {
  if (!ids.length) return;
  requireAllIds(ids, await visibleAttachmentIds(db, actor, ids), field, `“${label}”中有不存在或您无权使用的文件`);
}
