import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { MessagePageT, MessageViewT, UnreadCountT } from '../../../../shared/views/notifications.ts';

/** A message as the server answers it (its response schema in src/shared/views/notifications.ts). */
export type Message = MessageViewT;

const keys = {
  all: ['notifications'] as const,
  list: (unread: boolean, page: number, pageSize: number) => ['notifications', 'list', unread, page, pageSize] as const,
  unread: ['notifications', 'unread'] as const,
};

export function useMessages(unread: boolean, page: number, pageSize: number) {
  return useQuery({
    queryKey: keys.list(unread, page, pageSize),
    queryFn: () => api<MessagePageT>('/notifications', { query: { unread, page, pageSize } }),
  });
}

/** The bell's number: refreshed every half minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: keys.unread,
    queryFn: () => api<UnreadCountT>('/notifications/unread-count'),
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/notifications/read-all', { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
