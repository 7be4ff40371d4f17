import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { ProblemSummary as ProblemFigures, StudySummary as StudyFigures } from '../../../shared/dashboard.ts';

export type { ProblemFigures, StudyFigures };

/** Key tasks the subtree leads or is responsible for, sub-tasks included (the 推动发展 list with 仅重点任务 off). */
export interface TaskFigures {
  total: number;
  done: number;
  onTrack: number;
  behind: number;
  notStarted: number;
  stale: number;
}

export interface UnitFigures {
  orgId: number;
  orgName: string;
  problems: ProblemFigures;
  study: StudyFigures;
  tasks?: TaskFigures;
}

/** GET /api/v1/dashboard: a unit's subtree figures and the same figures for each direct child unit. */
export interface Dashboard {
  unit: { id: number; name: string };
  campaignId: number | null;
  asOf: string;
  problems: ProblemFigures;
  study: StudyFigures;
  tasks?: TaskFigures;
  children: UnitFigures[];
}

/**
 * The 工作看板 figures of a unit (the caller's top unit when none is given). The server keeps them as running
 * tallies, so they are read afresh on every visit instead of being cached; the previous unit's figures stay
 * on screen while a drilled-into unit loads.
 */
export function useDashboard(campaignId: number | undefined, orgId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: ['dashboard', campaignId ?? null, orgId ?? null],
    queryFn: () => api<Dashboard>('/dashboard', { query: { campaignId, orgId } }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    enabled,
  });
}
