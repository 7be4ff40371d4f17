/** Data hooks of 考核: each owns its query key; mutations invalidate only the assessment keys. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type {
  AssessmentView,
  EntryView,
  IndicatorView,
  ObjectionView,
  ScoreItemView,
} from '../../../../shared/views/assessments.ts';

export type Assessment = AssessmentView;
export type Indicator = IndicatorView;
export type ScoreItem = ScoreItemView;
export type Entry = EntryView;
export type Objection = ObjectionView;

export interface Source {
  key: string;
  label: string;
  module: string;
  unit: 'rate' | 'count';
  better: 'higher' | 'lower';
}

const KEY = 'assessments';

export const useAssessments = (campaignId?: number) =>
  useQuery({
    queryKey: [KEY, 'list', campaignId],
    queryFn: () => api<Page<Assessment>>('/assessments', { query: { campaignId, pageSize: 100 } }),
    enabled: !!campaignId,
  });

export const useAssessment = (id?: number) =>
  useQuery({ queryKey: [KEY, 'one', id], queryFn: () => api<Assessment>(`/assessments/${id}`), enabled: !!id });

/** One peer group's ranking by page (ranked units in rank order) and all of its units without data. */
export const useScores = (id: number | undefined, group: string | undefined, page: number, pageSize: number) =>
  useQuery({
    queryKey: [KEY, 'scores', id, group, page, pageSize],
    queryFn: () =>
      api<{ status: string; items: ScoreItem[]; unscored: ScoreItem[]; total: number }>(`/assessments/${id}/scores`, {
        query: { group, page, pageSize },
      }),
    enabled: !!id && !!group,
    placeholderData: (previous) => previous,
  });

export const useEntries = (id?: number, orgId?: number) =>
  useQuery({
    queryKey: [KEY, 'entries', id, orgId],
    queryFn: () => api<Page<Entry>>(`/assessments/${id}/entries`, { query: { orgId, pageSize: 200 } }),
    enabled: !!id,
  });

export const useSources = () =>
  useQuery({
    queryKey: [KEY, 'sources'],
    queryFn: () => api<{ items: Source[] }>('/assessments/sources'),
    staleTime: Infinity,
  });

/** Any write to an assessment: refreshes the assessment keys (list, record, scores, entries). */
export function useAssessmentMutation<V, R = unknown>(run: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export const useObjections = (id?: number, orgId?: number) =>
  useQuery({
    queryKey: [KEY, 'objections', id, orgId],
    queryFn: () => api<Page<Objection>>(`/assessments/${id}/objections`, { query: { orgId, pageSize: 100 } }),
    enabled: !!id,
  });

export const createAssessment = (body: unknown) => api<Assessment>('/assessments', { method: 'POST', body });
export type AssessmentAction = 'finalise' | 'publish' | 'open_publicity' | 'confirm';
export const transition = (a: Assessment, action: AssessmentAction, publicityUntil?: string) =>
  api<Assessment>(`/assessments/${a.id}/transitions`, {
    method: 'POST',
    body: { action, version: a.version, publicityUntil },
  });
export const addEntry = (id: number, body: unknown) =>
  api<Entry>(`/assessments/${id}/entries`, { method: 'POST', body });
export const reviewEntry = (id: number, e: Entry, accept: boolean, adjust?: { points: number; note: string }) =>
  api<Entry>(`/assessments/${id}/entries/${e.id}/review`, {
    method: 'POST',
    body: { accept, version: e.version, ...adjust },
  });
export const lodgeObjection = (id: number, body: unknown) =>
  api<Objection>(`/assessments/${id}/objections`, { method: 'POST', body });
export const answerObjection = (
  id: number,
  o: Objection,
  body: { decision: 'uphold' | 'adjust'; reason: string; points?: number },
) =>
  api<Objection>(`/assessments/${id}/objections/${o.id}/answer`, {
    method: 'POST',
    body: { ...body, version: o.version },
  });

export interface ChainLeader {
  personId: number;
  name: string;
  position: string;
  orgName: string;
  owner: number;
  leader: number;
  first: number;
  upper: number;
}
export interface ChainItem {
  kind: string;
  kindLabel: string;
  refId: number;
  title: string;
  deadline: string;
  orgName: string;
  upperOrgName: string | null;
  ownerName: string | null;
  leaderName: string | null;
  firstName: string | null;
  upperName: string | null;
  link: string;
}

export const useChain = (campaignId?: number, orgId?: number) =>
  useQuery({
    queryKey: [KEY, 'chain', campaignId, orgId],
    queryFn: () => api<{ total: number; leaders: ChainLeader[] }>('/accountability', { query: { campaignId, orgId } }),
    enabled: !!campaignId,
  });

export const useChainItems = (campaignId?: number, orgId?: number, personId?: number, page = 1) =>
  useQuery({
    queryKey: [KEY, 'chain-items', campaignId, orgId, personId, page],
    queryFn: () =>
      api<Page<ChainItem>>('/accountability/items', { query: { campaignId, orgId, personId, page, pageSize: 20 } }),
    enabled: !!campaignId,
  });
