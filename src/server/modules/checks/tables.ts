import type { Generated } from 'kysely';

export interface CheckTables {
  checkDraws: {
    id: Generated<number>;
    campaignId: number;
    /** The organising unit (the office or group's home unit). */
    orgId: number;
    orgPath: string;
    groupId: number | null;
    /** committed (secret fixed, hash published) → drawn → published (双随机一公开) */
    status: string;
    commitment: string;
    /** Hidden until the draw; published with the result so anyone can check the commitment. */
    secret: string;
    publicValue: Generated<string>;
    seed: string | null;
    /** JSON: the frozen pool (sorted unique unit ids). */
    pool: Generated<string>;
    poolHash: string | null;
    /** JSON: how the pool was chosen (subtree, types, recent-check exclusion), for the published rule. */
    rule: Generated<string>;
    count: Generated<number>;
    roster: Generated<string>;
    inspectorsPerUnit: Generated<number>;
    /** JSON [{personId, orgId, reason}] frozen at the draw. */
    conflicts: Generated<string>;
    /** JSON {drawnOrgIds, assignments}. */
    result: Generated<string>;
    createdBy: number | null;
    drawnAt: string | null;
    publishedAt: string | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  checkDrawUnits: { drawId: number; orgId: number; orgPath: string };
  spotChecks: {
    id: Generated<number>;
    campaignId: number;
    orgId: number;
    orgPath: string;
    groupId: number | null;
    drawId: number | null;
    date: string;
    /** random 随机抽查 · visit 下沉走访 · interview 座谈访谈 · documents 查阅资料 */
    method: string;
    /** planned (hidden from the unit: 不打招呼) → recorded */
    status: string;
    inspectorIds: Generated<string>;
    summary: Generated<string>;
    createdBy: number | null;
    recordedAt: string | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  spotCheckFindings: {
    id: Generated<number>;
    checkId: number;
    text: string;
    problemId: number | null;
    createdAt: string;
  };
  checkRecusals: {
    id: Generated<number>;
    personId: number;
    orgId: number;
    reason: string;
    createdBy: number | null;
    createdAt: string;
  };
}
