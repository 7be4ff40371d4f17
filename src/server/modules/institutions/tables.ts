import type { Generated } from 'kysely';

export interface InstitutionTables {
  institutions: {
    id: Generated<number>;
    campaignId: number;
    orgId: number;
    orgPath: string;
    title: string;
    /** create 立 / revise 改 / abolish 废 */
    action: string;
    reason: Generated<string>;
    /** draft 起草 → review 审议 → issued 印发, or abolished 废止 */
    status: string;
    issuedDate: string | null;
    attachmentId: number | null;
    sourceRefType: string | null;
    sourceRefId: number | null;
    createdBy: number | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  institutionProblems: { institutionId: number; problemId: number };
}
