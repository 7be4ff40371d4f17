import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type { Task, TaskDetail, TaskFigures } from '../types.ts';

export type TaskFilter = Record<string, string | number | undefined>;

/** Query keys of this feature; mutations invalidate only these. */
export const taskKeys = {
  all: ['tasks'] as const,
  list: (q: object) => ['tasks', 'list', q] as const,
  figures: (q: object) => ['tasks', 'figures', q] as const,
  one: (id: number) => ['tasks', 'one', id] as const,
};

export function useTasks(query: TaskFilter & { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: taskKeys.list(query),
    queryFn: () => api<Page<Task>>('/tasks', { query }),
    enabled,
  });
}

export function useTaskFigures(query: TaskFilter, enabled = true) {
  return useQuery({
    queryKey: taskKeys.figures(query),
    queryFn: () => api<TaskFigures>('/tasks/figures', { query }),
    enabled,
  });
}

export function useTask(id: number | null) {
  return useQuery({
    queryKey: taskKeys.one(id ?? 0),
    queryFn: () => api<TaskDetail>(`/tasks/${id}`),
    enabled: id !== null,
  });
}

/** A write to tasks: refreshes this feature's lists, figures and records. */
export function useTaskMutation<V, R>(run: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

export const createTask = (body: unknown) => api<TaskDetail>('/tasks', { method: 'POST', body });
export const completeMilestone = (taskId: number, id: number, body: unknown) =>
  api<TaskDetail>(`/tasks/${taskId}/milestones/${id}`, { method: 'PATCH', body });
export const addMilestone = (taskId: number, body: unknown) =>
  api<TaskDetail>(`/tasks/${taskId}/milestones`, { method: 'POST', body });
export const recordUpdate = (taskId: number, body: unknown) =>
  api<TaskDetail>(`/tasks/${taskId}/updates`, { method: 'POST', body });
export const raiseProblem = (taskId: number, body: unknown) =>
  api<{ id: number }>(`/tasks/${taskId}/problems`, { method: 'POST', body });
