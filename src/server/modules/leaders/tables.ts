import type { Generated } from 'kysely';

/** 分管: a leader (班子成员) guides a unit; the leader's data scope covers the guided subtrees. */
export interface LeaderTables {
  leaderAssignments: {
    id: Generated<number>;
    personId: number;
    orgId: number;
    createdAt: string;
  };
}
