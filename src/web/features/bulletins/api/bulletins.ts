/** Data hooks of 简报: they own the ['bulletins', …] query keys and invalidate only those. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type { BulletinViewT } from '../../../../shared/views/bulletins.ts';

/** A bulletin as the server answers it (its response schema in src/shared/views/bulletins.ts). */
export type BulletinView = BulletinViewT;
export type Section = BulletinViewT['sections'][number];

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
