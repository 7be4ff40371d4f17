import type { Generated } from 'kysely';

export interface DemandTable {
  id: Generated<number>;
  campaignId: number | null;
  trackingCode: string;
  channel: string;
  kind: string;
  category: string;
  /** The unit that took the call (the 12345 office for the public page and Open311). */
  intakeOrgId: number;
  intakePath: string;
  /** The handling unit once dispatched (首接: firstOrgId is the first one that accepted). */
  orgId: number | null;
  orgPath: string | null;
  firstOrgId: number | null;
  description: string;
  address: Generated<string>;
  lat: number | null;
  long: number | null;
  /** Spatial grid cell "row:col" for the repeat check (lib in demands/repeats.ts). */
  cell: string | null;
  name: Generated<string>;
  phone: Generated<string>;
  confidential: Generated<number>;
  status: string;
  receivedAt: string;
  dispatchedAt: string | null;
  acceptDueAt: string | null;
  returnDueAt: string | null;
  acceptedAt: string | null;
  dueAt: string | null;
  /** A pending 延期 request (working days), null when none waits. */
  extensionDays: number | null;
  extensionReason: string | null;
  extended: Generated<number>;
  answeredAt: string | null;
  answer: Generated<string>;
  /** The raw follow-up (回访) counts the 三率 are computed from. */
  visitedAt: string | null;
  contacted: number | null;
  solved: number | null;
  satisfaction: string | null;
  closedAt: string | null;
  closeReason: Generated<string>;
  returnCount: Generated<number>;
  reopenCount: Generated<number>;
  repeatOf: number | null;
  repeatFlag: Generated<number>;
  problemId: number | null;
  createdBy: number | null;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface DemandTables {
  demands: DemandTable;
  /** Maintained per-subtree counts (db/subtree-tally.ts, DEMAND_TALLY, migration 0053). */
  demandTallies: {
    orgId: number;
    campaignId: number;
    receivedDay: string;
    visitDay: string;
    status: string;
    dueHour: string;
    n: number;
    valid: number;
    contacted: number;
    solved: number;
    satisfied: number;
    basically: number;
  };
  demandCategories: {
    id: Generated<number>;
    code: string;
    name: string;
    groupName: string;
    acceptHours: number;
    handleLimit: number;
    /** 'hours' or 'working_days' */
    handleUnit: string;
    active: Generated<number>;
    sortOrder: Generated<number>;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  demandEvents: {
    id: Generated<number>;
    demandId: number;
    action: string;
    fromStatus: string;
    toStatus: string;
    orgId: number | null;
    note: Generated<string>;
    actorName: string;
    at: string;
  };
  demandCoHandlers: { demandId: number; orgId: number; orgPath: string };
  demandPhotos: {
    id: Generated<number>;
    demandId: number | null;
    sha256: string;
    mime: string;
    size: number;
    createdAt: string;
  };
  demandRateConfigs: {
    id: Generated<number>;
    campaignId: number;
    effectiveFrom: string;
    responseWeight: number;
    resolutionWeight: number;
    satisfactionWeight: number;
    basicallyFactor: number;
    monthStartDay: number;
    repeatDistanceM: number;
    repeatWindowDays: number;
    createdBy: number | null;
    createdAt: string;
  };
}
