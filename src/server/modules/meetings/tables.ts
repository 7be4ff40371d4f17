import type { Generated } from 'kysely';

export interface MeetingTables {
  lifeMeetings: {
    id: Generated<number>;
    campaignId: number;
    orgId: number;
    orgPath: string;
    /** democratic_life 专题民主生活会 / organisational_life 组织生活会 */
    kind: string;
    date: string;
    attendeeIds: Generated<string>;
    materialAttachmentId: number | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  lifeMeetingItems: {
    id: Generated<number>;
    meetingId: number;
    kind: string;
    fromPersonId: number;
    toPersonId: number | null;
    content: string;
    problemId: number | null;
    createdAt: string;
  };
}
