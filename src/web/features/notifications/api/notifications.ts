import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';

export interface Message {
  id: number;
  event: string;
  eventLabel: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  read: boolean;
}

const keys = {
  all: ['notifications'] as const,
  list: (unread: boolean, page: number, pageSize: number) => ['notifications', 'list', unread, page, pageSize] as const,
  unread: ['notifications', 'unread'] as const,
};

export function useMessages(unread: boolean, page: number, pageSize: number) {
  return useQuery({
    queryKey: keys.list(unread, page, pageSize),
    queryFn: () => api<Page<Message> & { unread: number }>('/notifications', { query: { unread, page, pageSize } }),
  });
}

/** The bell's number: refreshed every half minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: keys.unread,
    queryFn: () => api<{ unread: number }>('/notifications/unread-count'),
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
