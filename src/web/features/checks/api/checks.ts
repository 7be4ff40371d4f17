import type { PublishedInputs } from '../recompute-draw.ts';
/** Data hooks of 督促指导: they own the ['checks', …] query keys and invalidate only those. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';

export interface DrawView {
  id: number;
  status: string;
  statusLabel: string;
  commitment: string;
  secret: string | null;
  publicValue: string;
  seed: string | null;
  poolHash: string | null;
  poolOrgIds: number[];
  count: number;
  drawnOrgIds: number[];
  drawn: Array<{ orgId: number; name: string; inspectors: Array<{ personId: number; name: string }> }>;
  drawnAt: string | null;
  version: number;
  abilities: Record<string, boolean>;
}

export interface CheckView {
  id: number;
  campaignId: number;
  orgId: number;
  orgName: string;
  drawId: number | null;
  date: string;
  method: string;
  methodLabel: string;
  status: string;
  statusLabel: string;
  summary: string;
  inspectors: Array<{ personId: number; name: string }>;
  findings: Array<{
    id: number;
    text: string;
    problemId: number | null;
    problemStatusLabel: string | null;
    colour: string | null;
    colourLabel: string | null;
  }>;
  version: number;
  abilities: Record<string, boolean>;
}

export interface VerifyView {
  valid: boolean | null;
  parts?: Record<string, boolean>;
  recomputed?: { seed: string; poolHash: string; drawnOrgIds: number[] };
  /** The published inputs the browser recomputes the draw from. */
  inputs?: PublishedInputs;
  protocol?: string;
}

const KEY = ['checks'] as const;

export function useDraws(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'draws', campaignId],
    queryFn: () => api<Page<DrawView>>('/checks/draws', { query: { campaignId, pageSize: 50 } }),
    enabled: !!campaignId,
  });
}

export function useChecks(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'list', campaignId],
    queryFn: () => api<Page<CheckView>>('/checks', { query: { campaignId, pageSize: 100 } }),
    enabled: !!campaignId,
  });
}

export function useCheck(id: number | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api<CheckView>(`/checks/${id}`),
    enabled: id !== null,
  });
}

export function useGroups() {
  return useQuery({
    queryKey: [...KEY, 'groups'],
    queryFn: () =>
      api<{ items: Array<{ id: number; name: string; members: Array<{ personId: number; name: string }> }> }>(
        '/supervision-groups',
      ),
  });
}

export function usePool() {
  return useMutation({
    mutationFn: (q: { campaignId: number; orgId: number; excludeRecentDays?: number }) =>
      api<{ items: Array<{ id: number; name: string; type: string }>; total: number; excluded: number }>(
        '/checks/pool',
        { query: q },
      ),
  });
}

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useDraw = () =>
  useInvalidating((body: Record<string, unknown>) => api<DrawView>('/checks/draws', { method: 'POST', body }));

export const useRecordCheck = () =>
  useInvalidating(({ id, ...body }: { id: number } & Record<string, unknown>) =>
    api<CheckView>(`/checks/${id}/record`, { method: 'POST', body }),
  );

export const usePublishDraw = () =>
  useInvalidating((d: { id: number; version: number }) =>
    api<DrawView>(`/checks/draws/${d.id}/publish`, { method: 'POST', body: { version: d.version } }),
  );

export const verifyDraw = (id: number) => api<VerifyView>(`/checks/draws/${id}/verify`);
