import type { Generated } from 'kysely';

export interface ResearchTables {
  researchTopics: {
    id: Generated<number>;
    campaignId: number;
    orgId: number;
    orgPath: string;
    leaderId: number;
    title: string;
    plan: Generated<string>;
    /** planned → reported → accepted (or returned to planned with a note) */
    status: string;
    recommended: Generated<number>;
    reviewNote: Generated<string>;
    /** The report's four parts: 情况 / 问题 / 分析 / 举措. */
    situation: Generated<string>;
    problems: Generated<string>;
    analysis: Generated<string>;
    measures: Generated<string>;
    reportedAt: string | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  researchVisits: {
    id: Generated<number>;
    topicId: number;
    date: string;
    place: string;
    method: string;
    met: Generated<string>;
    findings: Generated<string>;
    problemId: number | null;
    createdAt: string;
  };
}
