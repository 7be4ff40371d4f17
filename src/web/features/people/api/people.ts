/** The people feature's data: a scoped roster page and the writes on one person. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import { useApiMutation } from '../../../lib/mutation.ts';
import type { Person } from '../types.ts';

type Query = Record<string, string | number | boolean | undefined>;

// A person's unit, transfer or deactivation changes the org tree's counts too.
const touched = [['people'], ['orgs']];

export const peopleKeys = {
  all: ['people'] as const,
  list: (q: Query) => ['people', 'list', q] as const,
};

export function usePeople(query: Query) {
  return useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: () => api<Page<Person>>('/people', { query }),
    placeholderData: keepPreviousData,
  });
}

/** Adds a person (no `person`) or edits one at the version the user saw. */
export function useSavePerson() {
  return useApiMutation({
    mutationFn: ({ person, body }: { person?: Person; body: Record<string, unknown> }) =>
      person
        ? api(`/people/${person.id}`, { method: 'PATCH', body: { ...body, version: person.version } })
        : api('/people', { method: 'POST', body }),
    invalidates: touched,
    success: '已保存',
  });
}

export function useTransferPerson() {
  return useApiMutation({
    mutationFn: ({ person, orgId }: { person: Person; orgId: number }) =>
      api(`/people/${person.id}/transfer`, { method: 'POST', body: { orgId, version: person.version } }),
    invalidates: touched,
    success: '已调动',
  });
}

export function useTogglePersonActive() {
  return useApiMutation({
    mutationFn: (person: Person) =>
      api(`/people/${person.id}/${person.active ? 'deactivate' : 'activate'}`, {
        method: 'POST',
        body: { version: person.version },
      }),
    invalidates: touched,
    success: (_r, person) => (person.active ? '已停用' : '已启用'),
  });
}
