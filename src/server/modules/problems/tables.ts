import type { ColumnType, Generated } from 'kysely';

export interface ProblemTable {
  id: Generated<number>;
  campaignId: number;
  orgId: number;
  orgPath: string;
  personId: number | null;
  title: string;
  description: Generated<string>;
  source: string;
  category: Generated<string>;
  /** JSON array of root-cause keys. */
  rootCauses: Generated<string>;
  rootCauseAnalysis: Generated<string>;
  kind: string;
  status: string;
  effect: Generated<string>;
  returnReason: Generated<string>;
  escalatedFromId: number | null;
  specialItemId: number | null;
  institutionId: number | null;
  sourceRefType: string | null;
  sourceRefId: number | null;
  /** Earliest deadline among open measures: kept for indexing; overdue itself is derived at read time. */
  dueDate: string | null;
  /** Generated: dueDate, or '9999-12-31' when none is open — the list's sort key (migration 0032). */
  dueSort: ColumnType<string, never, never>;
  submittedAt: string | null;
  /** The user who asked for 销号; they may not approve it (migration 0110). */
  submittedBy: number | null;
  closedAt: string | null;
  createdBy: number | null;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface MeasureTable {
  id: Generated<number>;
  problemId: number;
  content: string;
  leaderId: number | null;
  ownerOrgId: number;
  ownerId: number | null;
  deadline: string;
  status: Generated<string>;
  doneAt: string | null;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface ProblemTables {
  /** Maintained per-subtree counts (db/subtree-tally.ts, migration 0030); due_date is NO_DUE_DATE when none is open. */
  problemTallies: {
    orgId: number;
    campaignId: number;
    status: string;
    kind: string;
    dueDate: string;
    escalated: number;
    onTime: number;
    n: number;
  };
  problems: ProblemTable;
  problemMeasures: MeasureTable;
  measureProgress: {
    id: Generated<number>;
    measureId: number;
    date: string;
    note: string;
    authorName: string;
    createdAt: string;
  };
  problemEvidence: {
    id: Generated<number>;
    problemId: number;
    measureId: number | null;
    attachmentId: number;
    createdAt: string;
  };
  extensionRequests: {
    id: Generated<number>;
    problemId: number;
    measureId: number;
    currentDeadline: string;
    requestedDeadline: string;
    reason: string;
    status: Generated<string>;
    requestedBy: string;
    decidedBy: string | null;
    decisionReason: string | null;
    createdAt: string;
    decidedAt: string | null;
  };
  specialItems: {
    id: Generated<number>;
    campaignId: number;
    name: string;
    leadOrgId: number;
    orgPath: string;
    description: Generated<string>;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
}
