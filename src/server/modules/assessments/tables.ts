import type { Generated } from 'kysely';

export interface AssessmentTables {
  assessments: {
    id: Generated<number>;
    campaignId: number;
    /** The unit whose subtree is assessed (the office's unit). */
    orgId: number;
    orgPath: string;
    name: string;
    period: string;
    periodFrom: string;
    periodTo: string;
    /** draft → final */
    status: string;
    /** 1 once the office publishes the ranking to the assessed units. */
    published: Generated<number>;
    /** JSON [{key (org type), label}]: the peer groups. */
    groups: string;
    /** JSON [{stars, minScore, quota?, requiresIndicatorId?}]. */
    starLevels: Generated<string>;
    /** The date a final result was scored on (figures judged "as of"). */
    scoredOn: string | null;
    finalisedAt: string | null;
    /** 公示: opened on publicityFrom, open to 异议 through publicityUntil (inclusive). */
    publicityFrom: string | null;
    publicityUntil: string | null;
    /** When the result was confirmed 最终 (公示 ended, every objection answered). */
    confirmedAt: string | null;
    createdBy: number | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  assessmentIndicators: {
    /** Kept when the tree is saved again (the body sends it back), so entries keep their indicator. */
    id: Generated<number>;
    assessmentId: number;
    sortOrder: number;
    area: string;
    name: string;
    method: Generated<string>;
    /** auto (a figure and a rule) · bonus (加分) · deduct (扣分) · veto (一票否决) */
    kind: string;
    maxPoints: number;
    weight: number;
    /** The figure source key (auto, or a veto judged on a figure). */
    source: string | null;
    /** JSON scoring rule or veto condition. */
    rule: string | null;
  };
  assessmentEntries: {
    id: Generated<number>;
    assessmentId: number;
    indicatorId: number;
    orgId: number;
    orgPath: string;
    points: number;
    /** The points a unit claimed when 上级审核 adjusted them (points is then what counts); null: not adjusted. */
    claimedPoints: number | null;
    reason: string;
    attachmentIds: Generated<string>;
    /** pending (a unit's 自评 claim) → accepted / rejected (上级审核); the office's own entries start accepted. */
    status: string;
    reviewNote: Generated<string>;
    createdBy: number | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  /** 异议 lodged by a unit on its own score during the 公示, and the office's answer. */
  assessmentObjections: {
    id: Generated<number>;
    assessmentId: number;
    indicatorId: number;
    orgId: number;
    orgPath: string;
    reason: string;
    attachmentIds: Generated<string>;
    /** open → upheld (维持) / adjusted (调整) */
    status: string;
    answer: Generated<string>;
    /** The indicator's frozen points before and after an adjustment. */
    pointsBefore: number | null;
    pointsAfter: number | null;
    answeredBy: number | null;
    answeredAt: string | null;
    createdBy: number | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  /** The frozen result of a final assessment: names and figures as they were when it was finalised. */
  assessmentResults: {
    assessmentId: number;
    orgId: number;
    orgPath: string;
    orgName: string;
    groupKey: string;
    score: number | null;
    rank: number | null;
    groupSize: number;
    stars: number | null;
    vetoed: number;
    /** JSON parts: [{indicatorId, value, points}] */
    parts: string;
  };
}
