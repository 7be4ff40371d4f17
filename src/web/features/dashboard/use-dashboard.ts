import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type {
  DashboardViewT as Dashboard,
  ProblemFiguresViewT as ProblemFigures,
  StudyFiguresViewT as StudyFigures,
  TaskFiguresViewT as TaskFigures,
  UnitFiguresViewT as UnitFigures,
} from '../../../shared/views/dashboard.ts';

/** The figures' types come from the response schema the server serialises with (shared/views/dashboard.ts). */
export type { Dashboard, ProblemFigures, StudyFigures, TaskFigures, UnitFigures };

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
