/** Data hooks of 民生实事; query keys under ['matters', …]. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';

export interface ProgressNote {
  id: number;
  date: string;
  note: string;
  authorName: string;
  attachmentId: number | null;
}

export interface Matter {
  id: number;
  orgName: string;
  ownerName: string | null;
  title: string;
  target: string;
  dueDate: string;
  status: string;
  statusLabel: string;
  result: string;
  published: boolean;
  overdue: boolean;
  colour: string;
  progress: ProgressNote[];
  /** How many notes the matter has in all; `progress` holds the newest of them. */
  progressTotal: number;
  version: number;
  abilities: Record<string, boolean>;
}

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
