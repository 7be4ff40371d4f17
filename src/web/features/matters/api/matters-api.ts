/** Data hooks of 民生实事; query keys under ['matters', …]. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type { MatterViewT } from '../../../../shared/views/matters.ts';

/** A matter as the server answers it (its response schema in src/shared/views/matters.ts). */
export type Matter = MatterViewT;

export const useMatters = (query: Record<string, unknown>, enabled: boolean) =>
  useQuery({ queryKey: ['matters', query], queryFn: () => api<Page<Matter>>('/matters', { query }), enabled });

export function useMatterWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: string; body: unknown }) =>
      api(path, { method, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['matters'] }),
  });
}
