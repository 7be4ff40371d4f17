/** The org feature's data: one unit, the tree search, and the writes on units (the tree is refreshed after each). */
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import { useApiMutation } from '../../../lib/mutation.ts';
import type { Org } from '../../../lib/org-types.ts';

// The scope tree (components/org-tree-select.tsx) lives under the same prefix, so every write refreshes it.
export const orgKeys = {
  all: ['orgs'] as const,
  detail: (id: number) => ['orgs', 'detail', id] as const,
  search: (q: string, includeInactive: boolean) => ['orgs', 'search', q, includeInactive] as const,
};

export function useOrg(id: number) {
  return useQuery({ queryKey: orgKeys.detail(id), queryFn: () => api<Org>(`/orgs/${id}`) });
}

/** Units by name, full pinyin or initials. */
export function useOrgSearch(q: string, includeInactive: boolean) {
  return useQuery({
    queryKey: orgKeys.search(q, includeInactive),
    queryFn: () =>
      api<Page<Org>>('/orgs', { query: { q, pageSize: 20, includeInactive: includeInactive || undefined } }),
    enabled: q.trim().length > 0,
  });
}

/** Creates a child of `parent`, or edits `org` at the version the user saw. */
export function useSaveOrg() {
  return useApiMutation({
    mutationFn: ({ org, parent, values }: { org?: Org; parent?: Org; values: Record<string, unknown> }) =>
      org
        ? api<Org>(`/orgs/${org.id}`, {
            method: 'PATCH',
            body: { ...values, secretaryId: values.secretaryId ?? null, version: org.version },
          })
        : api<Org>('/orgs', { method: 'POST', body: { ...values, parentId: parent?.id } }),
    invalidates: [orgKeys.all],
    success: '已保存',
  });
}

export function useMoveOrg() {
  return useApiMutation({
    mutationFn: ({ org, parentId }: { org: Pick<Org, 'id' | 'version'>; parentId: number }) =>
      api(`/orgs/${org.id}/move`, { method: 'POST', body: { parentId, version: org.version } }),
    invalidates: [orgKeys.all],
    success: '已移动',
  });
}

export function useToggleOrgActive() {
  return useApiMutation({
    mutationFn: (org: Org) =>
      api(`/orgs/${org.id}/${org.active ? 'deactivate' : 'activate'}`, {
        method: 'POST',
        body: { version: org.version },
      }),
    invalidates: [orgKeys.all],
    success: (_r, org) => (org.active ? '已停用' : '已启用'),
  });
}
