/** Data hooks of 督促指导: they own the ['checks', …] query keys and invalidate only those. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type { CheckViewT, DrawViewT, PoolViewT, VerifyViewT } from '../../../../shared/views/checks.ts';
import type { GroupListT } from '../../../../shared/views/supervision.ts';

// As the server answers them (their response schemas in src/shared/views/checks.ts).
export type DrawView = DrawViewT;
export type CheckView = CheckViewT;
export type VerifyView = VerifyViewT;

const KEY = ['checks'] as const;

export function useDraws(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'draws', campaignId],
    queryFn: () => api<Page<DrawView>>('/checks/draws', { query: { campaignId, pageSize: 50 } }),
    enabled: !!campaignId,
  });
}

export function useChecks(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'list', campaignId],
    queryFn: () => api<Page<CheckView>>('/checks', { query: { campaignId, pageSize: 100 } }),
    enabled: !!campaignId,
  });
}

export function useCheck(id: number | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api<CheckView>(`/checks/${id}`),
    enabled: id !== null,
  });
}

export function useGroups() {
  return useQuery({
    queryKey: [...KEY, 'groups'],
    queryFn: () => api<GroupListT>('/supervision-groups'),
  });
}

export function usePool() {
  return useMutation({
    mutationFn: (q: { campaignId: number; orgId: number; excludeRecentDays?: number }) =>
      api<PoolViewT>('/checks/pool', { query: q }),
  });
}

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useDraw = () =>
  useInvalidating((body: Record<string, unknown>) => api<DrawView>('/checks/draws', { method: 'POST', body }));

export const useRecordCheck = () =>
  useInvalidating(({ id, ...body }: { id: number } & Record<string, unknown>) =>
    api<CheckView>(`/checks/${id}/record`, { method: 'POST', body }),
  );

export const usePublishDraw = () =>
  useInvalidating((d: { id: number; version: number }) =>
    api<DrawView>(`/checks/draws/${d.id}/publish`, { method: 'POST', body: { version: d.version } }),
  );

export const verifyDraw = (id: number) => api<VerifyView>(`/checks/draws/${id}/verify`);
