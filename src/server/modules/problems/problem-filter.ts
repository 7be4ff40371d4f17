import type { ListPlan } from '../../db/list-plan.ts';
import type { ProblemColour } from '../../../shared/problem-enums.ts';

/** What the 问题清单, its exports, figures and tallies filter by. */
export interface ProblemFilter {
  campaignId?: number;
  /** Path of the unit whose subtree is wanted. */
  orgPath?: string;
  /** Only the unit itself, not its subtree. */
  unitOnly?: boolean;
  source?: string;
  category?: string;
  kind?: string;
  status?: string;
  colour?: ProblemColour;
  ownerId?: number;
  overdue?: boolean;
  escalated?: boolean;
  /** Closed with every measure finished by its deadline. */
  onTime?: boolean;
  specialItemId?: number;
  /** 申请销号 waiting since before this date (Asia/Shanghai). */
  submittedBefore?: string;
  /** Raised on or after / on or before these dates (the date part of created_at, as 考核 counts them). */
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  /**
   * How the list should read a subtree, chosen with the maintained figures (listPlan): 'ordered' walks the
   * campaign's list index in deadline order and skips rows outside the subtree; 'range' reads the subtree's
   * rows by path and sorts them. SQLite is told through the range's likelihood (scope.ts); PostgreSQL
   * plans from its own statistics.
   */
  plan?: ListPlan;
}
