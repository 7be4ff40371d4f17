import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { WarningItemT, WarningsViewT } from '../../../../shared/views/warnings.ts';

/** A warning as the server answers it (link: the web page listing what was counted; api: the list whose total is the count). */
export type WarningItem = WarningItemT;

export const warningKeys = { list: (q: object) => ['warnings', 'list', q] as const };

export function useWarnings(query: { campaignId?: number; orgId?: number; children?: boolean }, enabled = true) {
  return useQuery({
    queryKey: warningKeys.list(query),
    queryFn: () => api<WarningsViewT>('/warnings', { query }),
    enabled,
  });
}

/** Reads the API list a warning opens (its address as the server gave it). */
export function useWarningList(path: string | null) {
  return useQuery({
    queryKey: ['warnings', 'rows', path],
    queryFn: () =>
      api<{ items: Array<Record<string, unknown>>; total: number }>(`${path!.replace(/^\/api\/v1/, '')}&pageSize=200`),
    enabled: path !== null,
  });
}
