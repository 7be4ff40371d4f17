/** What other modules may use from 民生实事. */
import type { AttachmentLink } from '../attachments/public.ts';
import { inScope } from '../../db/scope.ts';

/** The evidence of a matter's progress is for whoever's scope holds the matter's unit (as the matter list is). */
export const matterAttachmentLink: AttachmentLink = (actor) => (eb) =>
  eb.exists(
    eb
      .selectFrom('matterProgress')
      .innerJoin('matters', 'matters.id', 'matterProgress.matterId')
      .select('matterProgress.id')
      .whereRef('matterProgress.attachmentId', '=', 'attachments.id')
      .where(inScope(actor.scope, 'matters.orgPath') as never),
  );
