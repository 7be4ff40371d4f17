import type { Abilities } from '../../lib/abilities.ts';
import type { TaskLight, TaskStatus } from '../../../shared/task-enums.ts';

export interface Task {
  id: number;
  campaignId: number;
  parentId: number | null;
  orgId: number;
  orgName: string;
  leaderId: number | null;
  leaderName: string | null;
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  weight: number;
  metric: { name: string; unit: string; target: number | null; current: number | null } | null;
  responsibleUnits: Array<{ id: number; name: string }>;
  cooperatingUnits: Array<{ id: number; name: string }>;
  progress: number;
  plannedProgress: number;
  status: TaskStatus;
  statusLabel: string;
  light: TaskLight | null;
  wasBehind: boolean;
  wasBehindSince: string | null;
  stale: boolean;
  lastActivityOn: string;
  /** As it stood at the end of last week (the task's status history); null when it did not exist yet. */
  statusLastWeek: TaskStatus | null;
  updatedThisWeek: boolean;
  version: number;
  abilities: Abilities;
}

export interface FileRef {
  id: number;
  name: string;
}

export interface Milestone {
  id: number;
  title: string;
  plannedDate: string;
  weight: number;
  criteria: string;
  doneAt: string | null;
  overdue: boolean;
  version: number;
  evidence: FileRef[];
}

export interface TaskUpdate {
  id: number;
  week: string;
  progress: number;
  note: string;
  milestoneId: number | null;
  authorName: string;
  createdAt: string;
  evidence: FileRef[];
}

export interface TaskDetail extends Task {
  milestones: Milestone[];
  updates: TaskUpdate[];
  children: Task[];
}

export interface TaskFigures {
  total: number;
  done: number;
  onTrack: number;
  behind: number;
  notStarted: number;
  stale: number;
  red: number;
  yellow: number;
}

export const STATUS_COLOURS: Record<TaskStatus, string> = {
  done: 'blue',
  on_track: 'green',
  behind: 'red',
  not_started: 'default',
};

export const LIGHT_COLOURS: Record<TaskLight, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
