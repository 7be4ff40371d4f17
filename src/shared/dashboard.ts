/** The figures of GET /api/v1/dashboard, shared by the server that counts them and the page that shows them. */
import type { ProblemColour, ProblemStatus } from './problem-enums.ts';

export interface ProblemSummary {
  total: number;
  closed: number;
  cleared: number;
  onTime: number;
  overdue: number;
  escalated: number;
  byStatus: Record<ProblemStatus, number>;
  byColour: Record<ProblemColour, number>;
}

export interface StudySummary {
  sessions: number;
  /** 0–1 */
  attendanceRate: number;
  /** 0–1: share of sessions whose every absentee attended or has made it up (全覆盖). */
  coverage: number;
  uncoveredSessions: number;
  openMakeups: number;
}
