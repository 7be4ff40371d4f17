/** What other modules may use from 考核 (figures flow in through the registry, sources.ts). */
import { sql } from 'kysely';
import type { AttachmentLink } from '../attachments/public.ts';
import { inScope } from '../../db/scope.ts';

export { assessmentVisible } from './repository.ts';
export { assessmentTodoSources } from './todo-sources.ts';

/**
 * The evidence of a 加分/扣分 entry (its attachment_ids, a JSON array of ids) is for whoever's scope holds the
 * unit it was entered for — the unit itself and those above it, as the entry list is. Entries are few per
 * assessment, so matching the id inside the array text is cheap.
 */
export const assessmentEntryAttachmentLink: AttachmentLink = (actor) => (eb) =>
  eb.or([
    eb.exists(
      eb
        .selectFrom('assessmentEntries')
        .select('assessmentEntries.id')
        .where(
          sql`',' || replace(replace(assessment_entries.attachment_ids, '[', ''), ']', '') || ','`,
          'like',
          sql`'%,' || cast(attachments.id as text) || ',%'`,
        )
        .where(inScope(actor.scope, 'assessmentEntries.orgPath') as never),
    ),
    // 异议 evidence likewise: for the objecting unit and those above it (the office that answers).
    eb.exists(
      eb
        .selectFrom('assessmentObjections')
        .select('assessmentObjections.id')
        .where(
          sql`',' || replace(replace(assessment_objections.attachment_ids, '[', ''), ']', '') || ','`,
          'like',
          sql`'%,' || cast(attachments.id as text) || ',%'`,
        )
        .where(inScope(actor.scope, 'assessmentObjections.orgPath') as never),
    ),
  ]);
