import type { Generated } from 'kysely';

export interface StudyTables {
  /** Maintained per-subtree sums of study sessions (db/subtree-tally.ts, migration 0030). */
  studyTallies: {
    orgId: number;
    campaignId: number;
    kind: string;
    /** The session's day when not 全覆盖, '' when covered (migration 0139). */
    uncoveredOn: string;
    sessions: number;
    attendees: number;
    present: number;
    openMakeups: number;
    uncovered: number;
  };
  /** 三会一课 held per unit, quarter ("2026-Q4") and kind (meeting-counts.ts, migration 0140). */
  studyMeetingCounts: {
    orgId: number;
    quarter: string;
    kind: string;
    n: number;
  };
  /** Units per subtree by type, active and what they held of 三会一课 (meeting-tally.ts, migration 0141). */
  unitMeetingTallies: {
    orgId: number;
    orgType: string;
    active: number;
    quarter: string;
    held: string;
    n: number;
  };
  studyPlans: {
    id: Generated<number>;
    campaignId: number;
    orgId: number;
    orgPath: string;
    /** Set for a personal plan; null for the unit's plan. */
    personId: number | null;
    title: string;
    content: string;
    /** submitted → approved, or returned with a note (then resubmitted) */
    status: string;
    reviewNote: Generated<string>;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  meetingRequirements: { id: Generated<number>; orgType: string; kind: string; perQuarter: number };
  studySessions: {
    id: Generated<number>;
    campaignId: number;
    orgId: number;
    orgPath: string;
    kind: string;
    mode: string;
    online: Generated<number>;
    date: string;
    hours: number;
    topic: string;
    speaker: Generated<string>;
    /** JSON arrays of ids: readings covered, people who spoke in the discussion. */
    readingIds: Generated<string>;
    speakerIds: Generated<string>;
    createdBy: number | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  sessionAttendance: { sessionId: number; personId: number; status: string; reason: Generated<string> };
  makeupItems: {
    id: Generated<number>;
    sessionId: number;
    personId: number;
    /** The absentee's unit path, so make-ups are scoped like people. */
    orgPath: string;
    status: Generated<string>;
    madeUpDate: string | null;
    note: Generated<string>;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
}
