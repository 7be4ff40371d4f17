/** What other modules may use from 考核 (figures flow in through the registry, sources.ts). */
import { sql } from 'kysely';
import type { AttachmentLink } from '../attachments/public.ts';
import { inScope } from '../../db/scope.ts';
import type { Actor } from '../../auth/actor.ts';

export { assessmentVisible } from './repository.ts';
export { assessmentTodoSources } from './todo-sources.ts';

/**
 * The evidence of a 加分/扣分 entry (its attachment_ids, a JSON array of ids) is for whoever's scope holds the
 * unit it was entered for — the unit itself and those above it, as the entry list is. Entries are few per
 * assessment, so matching the id inside the array text is cheap.
 */
export const assessmentEntryAttachmentLink: AttachmentLink = (actor) => (eb) =>
  eb.or([
    holdsAttachment(eb, actor, 'assessmentEntries'),
    // 异议 evidence likewise: for the objecting unit and those above it (the office that answers).
    holdsAttachment(eb, actor, 'assessmentObjections'),
  ]);

/** A row of `table` in the caller's scope whose attachment_ids (a JSON array of ids) holds the attachment. */
function holdsAttachment(
  eb: Parameters<ReturnType<AttachmentLink>>[0],
  actor: Actor,
  table: 'assessmentEntries' | 'assessmentObjections',
) {
  const ids = sql.ref(`${table}.attachmentIds`);
  return eb.exists(
    eb
      .selectFrom(table)
      .select(sql`1`.as('one'))
      .where(
        sql`',' || replace(replace(${ids}, '[', ''), ']', '') || ','`,
        'like',
        sql`'%,' || cast(attachments.id as text) || ',%'`,
      )
      .where(inScope(actor.scope, `${table}.orgPath`) as never),
  );
}
