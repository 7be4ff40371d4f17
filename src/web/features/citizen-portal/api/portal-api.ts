/** Data hooks of the citizens' page (no login); query keys under ['portal', …]. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload, type Page } from '../../../lib/api.ts';

export interface Category {
  code: string;
  name: string;
  group: string;
}

export interface Tracking {
  trackingCode: string;
  status: string;
  statusLabel: string;
  categoryName: string;
  description: string;
  address: string;
  receivedAt: string;
  dueAt: string | null;
  answer: string;
  answeredAt: string | null;
  satisfaction: string | null;
  agency: string | null;
  rateable: boolean;
  steps: Array<{ action: string; label: string; at: string }>;
}

export interface PublicMatter {
  id: number;
  title: string;
  target: string;
  dueDate: string;
  status: string;
  statusLabel: string;
  result: string;
  orgName: string;
  progress: Array<{ date: string; note: string }>;
  progressTotal: number;
}

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
