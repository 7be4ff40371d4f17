import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export type { TodoCount, TodoItem } from '../../../../shared/todos.ts';
import type { TodoCountsT, TodoListT } from '../../../../shared/views/todos.ts';

const keys = {
  all: ['todos'] as const,
  list: (kind: string | undefined, page: number, pageSize: number) => ['todos', 'list', kind, page, pageSize] as const,
  counts: ['todos', 'counts'] as const,
};

/** 我的待办, one page (optionally one kind), with the count of every kind. */
export function useTodos(kind: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: keys.list(kind, page, pageSize),
    queryFn: () => api<TodoListT>('/todos', { query: { kind, page, pageSize } }),
  });
}

/** The counts behind the menu badges; refreshed every half minute and on each page change. */
export function useTodoCounts() {
  return useQuery({
    queryKey: keys.counts,
    queryFn: () => api<TodoCountsT>('/todos/counts'),
    refetchInterval: 30_000,
  });
}
