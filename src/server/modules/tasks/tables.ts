import type { Generated } from 'kysely';

export interface TaskTable {
  id: Generated<number>;
  campaignId: number;
  parentId: number | null;
  /** 牵头单位. */
  orgId: number;
  orgPath: string;
  /** 牵头领导. */
  leaderId: number | null;
  title: string;
  description: Generated<string>;
  startDate: string;
  endDate: string;
  /** Weight within the parent task (roll-up). */
  weight: Generated<number>;
  metricName: string | null;
  metricUnit: string | null;
  metricTarget: number | null;
  metricCurrent: number | null;
  reportedProgress: Generated<number>;
  lastActivityOn: string;
  /** The derived schedule (schedule.ts); never typed by anyone. */
  done: Generated<number>;
  progress: Generated<number>;
  /** JSON [[date, planned], …]. */
  planCurve: Generated<string>;
  behindFrom: string;
  yellowFrom: string;
  redFrom: string;
  wasBehindSince: string | null;
  doneAt: string | null;
  createdBy: number | null;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
  /** The key the task was last counted under in task_tallies (tally.ts); null when not yet counted. */
  tally: string | null;
}

export interface TaskTables {
  tasks: TaskTable;
  taskTallies: {
    orgId: number;
    campaignId: number;
    topLevel: number;
    event: string;
    day: string;
    day2: string;
    n: number;
  };
  taskUnits: { taskId: number; orgId: number; orgPath: string; role: string };
  taskMilestones: {
    id: Generated<number>;
    taskId: number;
    title: string;
    plannedDate: string;
    weight: number;
    criteria: Generated<string>;
    doneAt: string | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  taskUpdates: {
    id: Generated<number>;
    taskId: number;
    week: string;
    progress: number;
    note: Generated<string>;
    milestoneId: number | null;
    authorName: string;
    createdAt: string;
    updatedAt: string;
  };
  taskEvidence: {
    id: Generated<number>;
    taskId: number;
    milestoneId: number | null;
    updateId: number | null;
    attachmentId: number;
    createdAt: string;
  };
  /** The stored schedule's status-bearing part from the day it took effect (sync-schedule.ts writes it). */
  taskStatusHistory: {
    id: Generated<number>;
    taskId: number;
    effectiveOn: string;
    done: number;
    startDate: string;
    behindFrom: string;
  };
  taskSettings: {
    campaignId: number;
    tolerance: number;
    yellowGap: number;
    redGap: number;
    staleDays: number;
    version: Generated<number>;
    updatedAt: string;
  };
}
