/** Data hooks of 考核: each owns its query key; mutations invalidate only the assessment keys. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';

export interface Indicator {
  id: number;
  name: string;
  method: string;
  kind: 'auto' | 'bonus' | 'deduct' | 'veto';
  kindLabel: string;
  maxPoints: number;
  weight: number;
  source: string | null;
  sourceLabel: string | null;
  rule: Record<string, unknown> | null;
}

export interface Assessment {
  id: number;
  campaignId: number;
  orgId: number;
  orgName: string;
  name: string;
  period: string;
  periodFrom: string;
  periodTo: string;
  status: 'draft' | 'final';
  statusLabel: string;
  published: boolean;
  groups: Array<{ key: string; label: string }>;
  starLevels: Array<{ stars: number; minScore: number; quota?: number; requiresIndicatorId?: number }>;
  areas: Array<{ name: string; indicators: Indicator[] }>;
  finalisedAt: string | null;
  phase: 'draft' | 'final' | 'publicity' | 'publicity_ended' | 'confirmed';
  publicityFrom: string | null;
  publicityUntil: string | null;
  confirmedAt: string | null;
  openObjections: number;
  version: number;
  abilities: Record<string, boolean>;
}

export interface ScoreItem {
  orgId: number;
  orgName: string;
  group: string;
  groupLabel: string;
  score: number | null;
  rank: number | null;
  groupSize: number;
  stars: number | null;
  vetoed: boolean;
  parts: Array<{ indicatorId: number; value: number | null; points: number | null; evidence: string }>;
}

export interface Entry {
  id: number;
  indicatorId: number;
  orgId: number;
  orgName: string;
  points: number;
  claimedPoints: number | null;
  reason: string;
  attachmentIds: number[];
  status: string;
  statusLabel: string;
  reviewNote: string;
  version: number;
}

export interface Objection {
  id: number;
  indicatorId: number;
  indicatorName: string;
  orgId: number;
  orgName: string;
  reason: string;
  attachmentIds: number[];
  status: 'open' | 'upheld' | 'adjusted';
  statusLabel: string;
  answer: string;
  pointsBefore: number | null;
  pointsAfter: number | null;
  answeredAt: string | null;
  version: number;
  createdAt: string;
}

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
