/** What other modules may use from 民主生活会. */
import type { AttachmentLink } from '../attachments/public.ts';
import { meetingVisible } from './repository.ts';

export { meetingVisible, visibleMeetingIds } from './repository.ts';

/** The 对照检查材料 of a meeting the caller may see is theirs to open. */
export const meetingAttachmentLink: AttachmentLink = (actor) => (eb) =>
  eb.exists(
    eb
      .selectFrom('lifeMeetings')
      .select('lifeMeetings.id')
      .whereRef('lifeMeetings.materialAttachmentId', '=', 'attachments.id')
      .where(meetingVisible(actor) as never),
  );
