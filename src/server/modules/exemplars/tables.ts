import type { Generated } from 'kysely';

export interface ExemplarTables {
  exemplars: {
    id: Generated<number>;
    campaignId: number;
    /** The nominating unit. */
    orgId: number;
    orgPath: string;
    /** The nominee: a person or a unit (branch). */
    personId: number | null;
    nomineeOrgId: number | null;
    title: string;
    deeds: Generated<string>;
    /** nominated → recommended → notice (公示) → selected, or rejected */
    status: string;
    /** The level the nomination waits at (层层推荐 moves it up). */
    levelOrgId: number;
    levelOrgPath: string;
    honour: Generated<string>;
    noticeFrom: string | null;
    noticeTo: string | null;
    note: Generated<string>;
    createdBy: number | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  exemplarObjections: {
    id: Generated<number>;
    exemplarId: number;
    text: string;
    result: string | null;
    upheld: number | null;
    createdAt: string;
    handledAt: string | null;
  };
}
