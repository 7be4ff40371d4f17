/**
 * The problems feature's data: its query keys, queries and mutations. Pages import these hooks and never call
 * `api()` or `useQueryClient()` themselves; every write refreshes only `problemKeys.all`.
 */
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import { useApiMutation } from '../../../lib/mutation.ts';
import type {
  ProblemDetailViewT,
  ProblemFiguresViewT,
  ProblemListItemT,
  ProblemViewT,
} from '../../../../shared/views/problems.ts';

export type Problem = ProblemListItemT;
export type ProblemDetail = ProblemDetailViewT;
export type Measure = ProblemViewT['measures'][number];
export type ProblemQuery = Record<string, string | number | boolean | undefined>;

export const problemKeys = {
  all: ['problems'] as const,
  list: (query: ProblemQuery) => ['problems', 'list', query] as const,
  detail: (id: number | null) => ['problems', 'detail', id] as const,
  figures: (query: ProblemQuery) => ['problems', 'figures', query] as const,
};

/** 问题清单: one page of problems for the filters (all in the query, filtered by the server). */
export function useProblems(query: ProblemQuery, enabled = true) {
  return useQuery({
    queryKey: problemKeys.list(query),
    queryFn: () => api<Page<Problem>>('/problems', { query }),
    enabled,
  });
}

/** One problem with its measures, progress, evidence, extensions and escalation links. */
export function useProblem(id: number | null) {
  return useQuery({
    queryKey: problemKeys.detail(id),
    queryFn: () => api<ProblemDetail>(`/problems/${id}`),
    enabled: id !== null,
  });
}

export interface NewProblem {
  campaignId: number;
  orgId: number;
  title: string;
  measures: Array<{
    content: string;
    leaderId: number | null;
    ownerId: number | null;
    deadline: string | { workingDays: number };
  }>;
  [field: string]: unknown;
}

export function useCreateProblem() {
  return useApiMutation({
    mutationFn: (body: NewProblem) => api<ProblemDetail>('/problems', { method: 'POST', body }),
    invalidates: [problemKeys.all],
    success: '问题已记录',
  });
}

export type TransitionAction = 'confirm' | 'submit' | 'approve' | 'reject' | 'escalate';

export interface Transition {
  problem: Pick<Problem, 'id' | 'version'>;
  action: TransitionAction;
  effect?: string;
  reason?: string;
  attachmentIds?: number[];
}

/** The success message of each move, worded as the button that starts it. */
export const TRANSITION_DONE: Record<TransitionAction, string> = {
  confirm: '已确认，问题进入整改',
  submit: '已申请销号，等待第一责任人审核',
  approve: '已同意销号',
  reject: '已退回整改',
  escalate: '已上报上级单位',
};

export function useTransitionProblem() {
  return useApiMutation({
    mutationFn: ({ problem, ...body }: Transition) =>
      api<ProblemDetail>(`/problems/${problem.id}/transitions`, {
        method: 'POST',
        body: { ...body, version: problem.version },
      }),
    invalidates: [problemKeys.all],
    success: (_r, v) => TRANSITION_DONE[v.action],
  });
}

export function useDeleteProblem() {
  return useApiMutation({
    mutationFn: (p: Pick<Problem, 'id' | 'version'>) =>
      api(`/problems/${p.id}`, { method: 'DELETE', query: { version: p.version } }),
    invalidates: [problemKeys.all],
    success: '已删除',
  });
}

export function useMarkMeasureDone() {
  return useApiMutation({
    mutationFn: ({ problemId, measure }: { problemId: number; measure: Pick<Measure, 'id' | 'version'> }) =>
      api(`/problems/${problemId}/measures/${measure.id}`, {
        method: 'PATCH',
        body: { status: 'done', version: measure.version },
      }),
    invalidates: [problemKeys.all],
    success: '措施已标记完成',
  });
}

export function useReportProgress() {
  return useApiMutation({
    mutationFn: (v: { problemId: number; measureId: number; date: string; note: string; attachmentIds: number[] }) =>
      api(`/problems/${v.problemId}/measures/${v.measureId}/progress`, {
        method: 'POST',
        body: { date: v.date, note: v.note, attachmentIds: v.attachmentIds },
      }),
    invalidates: [problemKeys.all],
    success: '进展已填报',
  });
}

export function useRequestExtension() {
  return useApiMutation({
    mutationFn: (v: { problemId: number; measureId: number; requestedDeadline: string; reason: string }) =>
      api(`/problems/${v.problemId}/measures/${v.measureId}/extensions`, {
        method: 'POST',
        body: { requestedDeadline: v.requestedDeadline, reason: v.reason },
      }),
    invalidates: [problemKeys.all],
    success: '延期申请已提交',
  });
}

export function useDecideExtension() {
  return useApiMutation({
    mutationFn: (v: { problemId: number; extensionId: number; approve: boolean }) =>
      api(`/problems/${v.problemId}/extensions/${v.extensionId}/decision`, {
        method: 'POST',
        body: { approve: v.approve },
      }),
    invalidates: [problemKeys.all],
    success: (_r, v) => (v.approve ? '已同意延期' : '已驳回延期'),
  });
}

/** 整改统计 as the server answers it (its response schema in src/shared/views/problems.ts). */
export type ProblemFigures = ProblemFiguresViewT;
export type FigureRow = ProblemFiguresViewT['total'];

/** 整改统计: per-unit figures, each with the list filter that opens exactly the problems it counts. */
export function useProblemFigures(campaignId: number | undefined, orgId: number | null) {
  return useQuery({
    queryKey: problemKeys.figures({ campaignId, orgId: orgId ?? undefined }),
    queryFn: () => api<ProblemFigures>('/problems/figures', { query: { campaignId, orgId } }),
    enabled: !!campaignId,
  });
}
