/** 督导组 and 分管 data: the query keys, queries and mutations of the groups page. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { AssignmentListT, AssignmentViewT } from '../../../../shared/views/leaders.ts';
import type { GroupListT, GroupViewT } from '../../../../shared/views/supervision.ts';
import { useApiMutation } from '../../../lib/mutation.ts';

// As the server answers them (their response schemas in src/shared/views/supervision.ts and leaders.ts).
export type Group = GroupViewT;
export type Assignment = AssignmentViewT;

export const groupKeys = {
  groups: ['groups'] as const,
  assignments: ['leader-assignments'] as const,
};

// A group or 分管 change can widen or narrow the signed-in user's own data scope, so `me` is refetched too.
const changed = [groupKeys.groups, groupKeys.assignments, ['me']];

export function useGroups() {
  return useQuery({ queryKey: groupKeys.groups, queryFn: () => api<GroupListT>('/supervision-groups') });
}

export function useAssignments() {
  return useQuery({
    queryKey: groupKeys.assignments,
    queryFn: () => api<AssignmentListT>('/leader-assignments'),
  });
}

export interface GroupValues {
  name: string;
  kind: string;
  orgId?: number;
  memberIds: number[];
  unitIds: number[];
}

export function useSaveGroup() {
  return useApiMutation({
    mutationFn: ({ group, values }: { group: Group | 'new'; values: GroupValues }) =>
      group === 'new'
        ? api('/supervision-groups', { method: 'POST', body: values })
        : api(`/supervision-groups/${group.id}`, {
            method: 'PATCH',
            body: {
              version: group.version,
              name: values.name,
              kind: values.kind,
              memberIds: values.memberIds,
              unitIds: values.unitIds,
            },
          }),
    invalidates: changed,
    success: '已保存',
  });
}

export function useDeleteGroup() {
  return useApiMutation({
    mutationFn: (id: number) => api(`/supervision-groups/${id}`, { method: 'DELETE' }),
    invalidates: changed,
    success: '已撤销督导组',
  });
}

export function useAssignLeader() {
  return useApiMutation({
    mutationFn: (body: { personId: number; orgId: number }) => api('/leader-assignments', { method: 'POST', body }),
    invalidates: changed,
    success: '已添加分管',
  });
}

export function useUnassignLeader() {
  return useApiMutation({
    mutationFn: (id: number) => api(`/leader-assignments/${id}`, { method: 'DELETE' }),
    invalidates: changed,
    success: '已取消分管',
  });
}
