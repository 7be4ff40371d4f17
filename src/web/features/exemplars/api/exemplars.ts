/** Data hooks of 先进典型: they own the ['exemplars', …] query keys and invalidate only those. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type { ExemplarViewT } from '../../../../shared/views/exemplars.ts';

/** An exemplar as the server answers it (its response schema in src/shared/views/exemplars.ts). */
export type ExemplarView = ExemplarViewT;

const KEY = ['exemplars'] as const;

export function useExemplars(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'list', campaignId],
    queryFn: () => api<Page<ExemplarView>>('/exemplars', { query: { campaignId, pageSize: 100 } }),
    enabled: !!campaignId,
  });
}

/** Any write on an exemplar (nominate, transition, objection), refreshing this feature's lists. */
export function useExemplarWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: { path: string; body: Record<string, unknown> }) => api(w.path, { method: 'POST', body: w.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
