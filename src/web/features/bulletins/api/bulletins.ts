/** Data hooks of 简报: they own the ['bulletins', …] query keys and invalidate only those. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';

export interface Section {
  heading: string;
  items: Array<{ subtitle: string; text: string }>;
}

export interface BulletinView {
  id: number;
  kind: string;
  kindLabel: string;
  number: number | null;
  numberLabel: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  status: string;
  statusLabel: string;
  masthead: string;
  issuer: string;
  editorNote: string;
  sections: Section[];
  distribution: { report?: string; send?: string; distribute?: string; copies?: number };
  issuedAt: string | null;
  docxUrl: string;
  version: number;
  abilities: Record<string, boolean>;
}

const KEY = ['bulletins'] as const;

export function useBulletins(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'list', campaignId],
    queryFn: () => api<Page<BulletinView>>('/bulletins', { query: { campaignId, pageSize: 100 } }),
    enabled: !!campaignId,
  });
}

export function useBulletin(id: number | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api<BulletinView>(`/bulletins/${id}`),
    enabled: id !== null,
  });
}

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCompileBulletin = () =>
  useInvalidating((body: Record<string, unknown>) => api<BulletinView>('/bulletins', { method: 'POST', body }));

export const useEditBulletin = () =>
  useInvalidating(({ id, ...body }: { id: number } & Record<string, unknown>) =>
    api<BulletinView>(`/bulletins/${id}`, { method: 'PATCH', body }),
  );

export const useIssueBulletin = () =>
  useInvalidating((b: { id: number; version: number }) =>
    api<BulletinView>(`/bulletins/${b.id}/issue`, { method: 'POST', body: { version: b.version } }),
  );
