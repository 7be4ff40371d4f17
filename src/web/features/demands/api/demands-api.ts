/** Data hooks of 接诉即办; query keys under ['demands', …] (invalidated only here). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type {
  DemandDetailT,
  DemandFiguresT,
  DemandViewT,
  UnitRateListT,
  UnitRateT,
} from '../../../../shared/views/demands.ts';

/** The answers as the server's schemas say (src/shared/views/demands.ts). */
export type Demand = DemandViewT;
export type DemandDetail = DemandDetailT;
export type Figures = DemandFiguresT;
export type UnitRate = UnitRateT;

export type DemandQuery = Record<string, string | number | boolean | undefined>;

export const useDemands = (query: DemandQuery, enabled = true) =>
  useQuery({ queryKey: ['demands', 'list', query], queryFn: () => api<Page<Demand>>('/demands', { query }), enabled });

export const useDemand = (id: number | null) =>
  useQuery({
    queryKey: ['demands', 'detail', id],
    queryFn: () => api<DemandDetail>(`/demands/${id}`),
    enabled: id !== null,
  });

export const useDemandFigures = (query: DemandQuery, enabled: boolean) =>
  useQuery({
    queryKey: ['demands', 'figures', query],
    queryFn: () => api<Figures>('/demands/figures', { query }),
    enabled,
  });

export const useUnitRates = (query: DemandQuery, enabled: boolean) =>
  useQuery({
    queryKey: ['demands', 'units', query],
    queryFn: () => api<UnitRateListT>('/demands/figures/units', { query }),
    enabled,
  });

export interface Hotspot {
  category: string;
  categoryName: string;
  cell: string | null;
  count: number;
  address: string | null;
  lastAt: string | null;
  link: string;
}

/** 高频诉求: the same category at one place, again and again (last 90 days, at least 3 times). */
export const useHotspots = (query: DemandQuery, enabled: boolean) =>
  useQuery({
    queryKey: ['demands', 'hotspots', query],
    queryFn: () => api<{ items: Hotspot[] }>('/demands/hotspots', { query }),
    enabled,
  });

export const useDemandCategories = () =>
  useQuery({
    queryKey: ['demands', 'categories'],
    queryFn: () =>
      api<{ items: Array<{ code: string; name: string; groupName?: string; group: string }> }>('/demands/categories'),
  });

/** Every write of this feature refreshes its own lists, figures and the open drawer. */
export function useDemandWrite<T>(fn: (body: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['demands'] }) });
}

export const transition = (id: number, body: Record<string, unknown>) =>
  api<DemandDetail>(`/demands/${id}/transitions`, { method: 'POST', body });
export const readContact = (id: number) => api<{ name: string; phone: string }>(`/demands/${id}/contact`);
