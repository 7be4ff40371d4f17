/** Data hooks of the citizens' page (no login); query keys under ['portal', …]. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload, type Page } from '../../../lib/api.ts';
import type { PublicCategoryT, PublicDemandT } from '../../../../shared/views/demands.ts';
import type { PublicMatterT } from '../../../../shared/views/matters.ts';

/** The answers as the server's schemas say (src/shared/views/demands.ts, matters.ts). */
export type Category = PublicCategoryT;
export type Tracking = PublicDemandT;
export type PublicMatter = PublicMatterT;

export const useCategories = () =>
  useQuery({ queryKey: ['portal', 'categories'], queryFn: () => api<Category[]>('/public/categories') });

export const usePublicMatters = (page: number, pageSize: number) =>
  useQuery({
    queryKey: ['portal', 'matters', page, pageSize],
    queryFn: () => api<Page<PublicMatter>>('/public/matters', { query: { page, pageSize } }),
  });

export const uploadPhoto = (file: File) => upload<{ id: number }>('/public/photos', file);

export function useLeaveMessage() {
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<{ trackingCode: string }>('/public/demands', { method: 'POST', body }),
  });
}

export function useTracking(code: string | null, phone4: string | null) {
  return useQuery({
    queryKey: ['portal', 'tracking', code, phone4],
    queryFn: () => api<Tracking>(`/public/demands/${code}`, { query: { phone4 } }),
    enabled: !!code && !!phone4,
    retry: false,
  });
}

export function useRate(code: string, phone4: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (satisfaction: string) =>
      api<Tracking>(`/public/demands/${code}/rating`, { method: 'POST', body: { phone4, satisfaction } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal', 'tracking', code] }),
  });
}
