import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';

export interface Robot {
  id: number;
  orgId: number;
  orgName: string;
  kind: 'dingtalk' | 'wecom';
  name: string;
  urlHint: string;
  hasSecret: boolean;
  events: string[];
  status: string;
  statusLabel: string;
  brokenReason: string;
  version: number;
  abilities: Record<string, boolean>;
}
export interface Delivery {
  id: number;
  event: string;
  eventLabel: string;
  title: string;
  status: string;
  attempts: number;
  errcode: number | null;
  error: string;
  createdAt: string;
  sentAt: string | null;
}

const keys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  deliveries: (id: number) => ['webhooks', 'deliveries', id] as const,
};

export function useRobots() {
  return useQuery({ queryKey: keys.list, queryFn: () => api<Page<Robot>>('/webhooks', { query: { pageSize: 200 } }) });
}

export function useDeliveries(id: number | null) {
  return useQuery({
    queryKey: keys.deliveries(id ?? 0),
    queryFn: () => api<Page<Delivery>>(`/webhooks/${id}/deliveries`, { query: { pageSize: 50 } }),
    enabled: id !== null,
  });
}

export function useSaveRobot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: Record<string, unknown> }) =>
      id ? api<Robot>(`/webhooks/${id}`, { method: 'PATCH', body }) : api<Robot>('/webhooks', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeleteRobot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: Robot) => api(`/webhooks/${r.id}`, { method: 'DELETE', body: { version: r.version } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useTestRobot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api<{ ok: boolean; errcode: number | null; error: string }>(`/webhooks/${id}/test`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
