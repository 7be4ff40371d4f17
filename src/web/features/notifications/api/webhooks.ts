import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type { DeliveryViewT, RobotTestResultT, RobotViewT } from '../../../../shared/views/notifications.ts';

// As the server answers them (their response schemas in src/shared/views/notifications.ts).
export type Robot = RobotViewT;
export type Delivery = DeliveryViewT;

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
    mutationFn: (id: number) => api<RobotTestResultT>(`/webhooks/${id}/test`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
