/** Data hooks of the Open311 接入密钥 (admin only); query keys under ['open311-keys']. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export interface Open311Key {
  id: number;
  name: string;
  active: boolean;
  createdAt: string;
}

export const useOpen311Keys = () =>
  useQuery({ queryKey: ['open311-keys'], queryFn: () => api<{ items: Open311Key[] }>('/open311-keys') });

export function useOpen311KeyWrite() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['open311-keys'] });
  return {
    issue: useMutation({
      mutationFn: (name: string) =>
        api<{ id: number; name: string; key: string }>('/open311-keys', { method: 'POST', body: { name } }),
      onSuccess: done,
    }),
    revoke: useMutation({
      mutationFn: (id: number) => api(`/open311-keys/${id}`, { method: 'DELETE' }),
      onSuccess: done,
    }),
  };
}
