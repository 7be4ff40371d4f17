/** The 建章立制 feature's data: the institution list, the problems one may answer, and their writes. */
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import type { InstitutionViewT } from '../../../../shared/views/institutions.ts';
import { useApiMutation } from '../../../lib/mutation.ts';

/** An institution as the server answers it (its response schema in src/shared/views/institutions.ts). */
export type Institution = InstitutionViewT;

type Query = Record<string, string | number | undefined>;

export const institutionKeys = {
  all: ['institutions'] as const,
  list: (q: Query) => ['institutions', 'list', q] as const,
  problems: (campaignId: number | undefined) => ['institutions', 'problems', campaignId] as const,
};

export function useInstitutions(query: Query, enabled: boolean) {
  return useQuery({
    queryKey: institutionKeys.list(query),
    queryFn: () => api<Page<Institution>>('/institutions', { query }),
    enabled,
  });
}

/** The campaign's problems, for linking a new institution to those it answers. */
export function useProblemsToAnswer(campaignId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: institutionKeys.problems(campaignId),
    queryFn: () =>
      api<Page<{ id: number; title: string; orgName: string }>>('/problems', { query: { campaignId, pageSize: 200 } }),
    enabled,
  });
}

export function useCreateInstitution() {
  return useApiMutation({
    mutationFn: (body: Record<string, unknown>) => api('/institutions', { method: 'POST', body }),
    invalidates: [institutionKeys.all],
    success: '制度已起草',
  });
}

/** 提交审议、印发、废止 …: one transition of an institution at the version the user saw. */
export function useTransitionInstitution() {
  return useApiMutation({
    mutationFn: ({
      institution,
      action,
      ...extra
    }: {
      institution: Institution;
      action: string;
      issuedDate?: string;
    }) =>
      api(`/institutions/${institution.id}/transitions`, {
        method: 'POST',
        body: { action, version: institution.version, ...extra },
      }),
    invalidates: [institutionKeys.all],
    success: '已更新制度状态',
  });
}
