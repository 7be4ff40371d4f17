/** Data hooks of 民生实事; query keys under ['matters', …]. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type { MatterViewT } from '../../../../shared/views/matters.ts';

/** A matter as the server answers it (its response schema in src/shared/views/matters.ts). */
export type Matter = MatterViewT;

/** A progress note as GET /matters/{id}/progress pages them. */
export type ProgressNote = MatterViewT['progress'][number];

export const useMatters = (query: Record<string, unknown>, enabled: boolean) =>
  useQuery({ queryKey: ['matters', query], queryFn: () => api<Page<Matter>>('/matters', { query }), enabled });

/** Every progress note of one matter, a page at a time (newest first). */
export const useMatterProgress = (id: number | null, page: number, pageSize: number) =>
  useQuery({
    queryKey: ['matters', id, 'progress', page, pageSize],
    queryFn: () => api<Page<ProgressNote>>(`/matters/${id}/progress`, { query: { page, pageSize } }),
    enabled: id !== null,
  });

export function useMatterWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: string; body: unknown }) =>
      api(path, { method, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['matters'] }),
  });
}
