import type { Generated } from 'kysely';

export interface MatterTables {
  matters: {
    id: Generated<number>;
    campaignId: number;
    orgId: number;
    orgPath: string;
    ownerId: number | null;
    title: string;
    target: Generated<string>;
    dueDate: string;
    /** planned → in_progress → done */
    status: string;
    result: Generated<string>;
    published: Generated<number>;
    doneAt: string | null;
    createdBy: number | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  matterProgress: {
    id: Generated<number>;
    matterId: number;
    date: string;
    note: string;
    attachmentId: number | null;
    authorName: string;
    createdAt: string;
  };
}
