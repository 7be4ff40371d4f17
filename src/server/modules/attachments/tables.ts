import type { Generated } from 'kysely';

export interface AttachmentTables {
  attachments: {
    id: Generated<number>;
    sha256: string;
    name: string;
    size: number;
    mime: string;
    uploadedBy: number;
    /** The uploader's unit, so files are scoped like the records they back. */
    orgPath: string | null;
    createdAt: string;
  };
}
