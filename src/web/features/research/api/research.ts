/** The 调查研究 feature's data: topics, who has no report yet, one topic with its visits, and their writes. */
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type {
  LeadersWithoutReportT,
  TopicDetailViewT,
  TopicViewT,
  VisitViewT,
} from '../../../../shared/views/research.ts';
import { useApiMutation } from '../../../lib/mutation.ts';

// As the server answers them (their response schemas in src/shared/views/research.ts).
export type TopicRow = TopicViewT;
export type Visit = VisitViewT;
export type Topic = TopicDetailViewT;
export type LeaderWithoutReport = LeadersWithoutReportT['items'][number];

export const researchKeys = {
  all: ['research'] as const,
  topics: (campaignId: number | undefined) => ['research', 'topics', campaignId] as const,
  missing: (campaignId: number | undefined) => ['research', 'missing', campaignId] as const,
  topic: (id: number | null) => ['research', 'topic', id] as const,
};

export function useTopics(campaignId: number | undefined) {
  return useQuery({
    queryKey: researchKeys.topics(campaignId),
    queryFn: () => api<Page<TopicRow>>('/research/topics', { query: { campaignId, pageSize: 100 } }),
    enabled: !!campaignId,
  });
}

/** Leaders of the campaign without a report yet (the office's view). */
export function useLeadersWithoutReport(campaignId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: researchKeys.missing(campaignId),
    queryFn: () =>
      api<{ items: LeaderWithoutReport[]; total: number }>('/research/leaders-without-report', {
        query: { campaignId, pageSize: 200 },
      }),
    enabled: enabled && !!campaignId,
  });
}

export function useTopic(id: number | null) {
  return useQuery({
    queryKey: researchKeys.topic(id),
    queryFn: () => api<Topic>(`/research/topics/${id}`),
    enabled: id !== null,
  });
}

export function useCreateTopic() {
  return useApiMutation({
    mutationFn: (body: Record<string, unknown>) => api('/research/topics', { method: 'POST', body }),
    invalidates: [researchKeys.all],
    success: '调研课题已创建',
  });
}

export interface Review {
  topic: Topic;
  accept: boolean;
  recommended?: boolean;
  note?: string;
}

/** 验收 (and 择优推送) or 退回 with a note. */
export function useReviewTopic() {
  return useApiMutation({
    mutationFn: ({ topic, ...body }: Review) =>
      api(`/research/topics/${topic.id}/review`, { method: 'POST', body: { version: topic.version, ...body } }),
    invalidates: [researchKeys.all],
    success: (_r, v) => (!v.accept ? '已退回' : v.recommended ? '已验收并择优推送' : '已验收'),
  });
}

export function useRecordVisit() {
  return useApiMutation({
    mutationFn: ({ topicId, ...body }: { topicId: number; date: string; [field: string]: unknown }) =>
      api(`/research/topics/${topicId}/visits`, { method: 'POST', body }),
    invalidates: [researchKeys.all],
    success: '已记录走访',
  });
}

export function useSubmitReport() {
  return useApiMutation({
    mutationFn: ({ topic, report }: { topic: Topic; report: Record<string, unknown> }) =>
      api(`/research/topics/${topic.id}/report`, { method: 'PUT', body: { ...report, version: topic.version } }),
    invalidates: [researchKeys.all],
    success: '调研报告已提交',
  });
}

/** A visit's finding onto the problem list (source 调研发现), linked back. */
export function useVisitToProblem() {
  return useApiMutation({
    mutationFn: ({ visit, title }: { visit: Visit; title: string }) =>
      api(`/research/visits/${visit.id}/to-problem`, { method: 'POST', body: { title } }),
    invalidates: [researchKeys.all],
    success: '已记入问题清单',
  });
}
