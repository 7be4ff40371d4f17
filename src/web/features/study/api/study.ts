/** The 理论学习 feature's data: query keys, queries and mutations (sessions, make-ups, figures, roster). */
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import { useApiMutation } from '../../../lib/mutation.ts';
import type {
  MakeupViewT,
  MyHoursT,
  RosterPersonT,
  RosterT,
  SessionViewT,
  StudyFiguresT,
} from '../../../../shared/views/study.ts';
import type { ReadingListT } from '../../../../shared/views/campaigns.ts';

export type Session = SessionViewT;
export type Makeup = MakeupViewT;
export type StudyFigures = StudyFiguresT;

export type RosterPerson = RosterPersonT;

type Query = Record<string, string | number | undefined>;

export const studyKeys = {
  all: ['study'] as const,
  figures: (q: Query) => ['study', 'figures', q] as const,
  sessions: (q: Query) => ['study', 'sessions', q] as const,
  makeups: (q: Query) => ['study', 'makeups', q] as const,
  myHours: (campaignId: number | undefined) => ['study', 'my-hours', campaignId] as const,
  roster: (orgId: number | undefined, kind: string | undefined) => ['study', 'roster', orgId, kind] as const,
  readings: (campaignId: number) => ['study', 'readings', campaignId] as const,
};

/** Figures of the caller's subtree (or the picked unit): the same scope as the lists below them. */
export function useStudyFigures(query: Query, enabled: boolean) {
  return useQuery({
    queryKey: studyKeys.figures(query),
    queryFn: () => api<StudyFigures>('/study/figures', { query }),
    enabled,
  });
}

export function useSessions(query: Query, enabled: boolean) {
  return useQuery({
    queryKey: studyKeys.sessions(query),
    queryFn: () => api<Page<Session>>('/study/sessions', { query: { ...query, pageSize: 100 } }),
    enabled,
  });
}

export function useMakeups(query: Query) {
  return useQuery({
    queryKey: studyKeys.makeups(query),
    queryFn: () => api<Page<Makeup>>('/study/makeups', { query: { ...query, pageSize: 200 } }),
  });
}

export function useMyHours(campaignId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: studyKeys.myHours(campaignId),
    queryFn: () => api<MyHoursT>('/study/my-hours', { query: { campaignId } }),
    enabled,
  });
}

/** Who is 应到 at a new session of this kind: the unit's Party members for Party kinds, else its whole roster. */
export function useRoster(orgId: number | undefined, kind: string | undefined, enabled = true) {
  return useQuery({
    queryKey: studyKeys.roster(orgId, kind),
    queryFn: () => api<RosterT>('/study/sessions/roster', { query: { orgId, kind } }),
    enabled: enabled && !!orgId,
  });
}

/** The campaign's required readings, to tick the ones a session covered. */
export function useReadings(campaignId: number) {
  return useQuery({
    queryKey: studyKeys.readings(campaignId),
    queryFn: () => api<ReadingListT>(`/campaigns/${campaignId}/readings`),
  });
}

export interface NewSession {
  campaignId: number;
  orgId: number;
  date: string;
  attendance: Array<{ personId: number; status: string; reason?: string }>;
  [field: string]: unknown;
}

export function useRecordSession() {
  return useApiMutation({
    mutationFn: (body: NewSession) => api('/study/sessions', { method: 'POST', body }),
    invalidates: [studyKeys.all],
    success: '集中学习已记录',
  });
}

/** Corrects a recorded session (its unit and campaign stay); attendance edits keep make-ups in step. */
export function useUpdateSession() {
  return useApiMutation({
    mutationFn: ({ id, ...body }: Omit<NewSession, 'campaignId' | 'orgId'> & { id: number; version: number }) =>
      api(`/study/sessions/${id}`, { method: 'PATCH', body }),
    invalidates: [studyKeys.all],
    success: '集中学习已修改',
  });
}

export function useCompleteMakeup() {
  return useApiMutation({
    mutationFn: ({ makeup, madeUpDate, note }: { makeup: Makeup; madeUpDate: string; note: string }) =>
      api(`/study/makeups/${makeup.id}`, {
        method: 'PATCH',
        body: { status: 'done', version: makeup.version, madeUpDate, note },
      }),
    invalidates: [studyKeys.all],
    success: '已标记补学完成',
  });
}

/** 撤销补学: the make-up is open again (the absence counts as not covered). */
export function useReopenMakeup() {
  return useApiMutation({
    mutationFn: (makeup: Makeup) =>
      api(`/study/makeups/${makeup.id}`, { method: 'PATCH', body: { status: 'open', version: makeup.version } }),
    invalidates: [studyKeys.all],
    success: '已撤销补学',
  });
}
