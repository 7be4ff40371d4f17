/** 账号与权限 data: accounts, their role grants and API tokens, and the writes on them. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import { useApiMutation } from '../../../lib/mutation.ts';
import type { GrantView, TokenView, UserView } from '../types.ts';
import type { TokenListT } from '../../../../shared/views/users.ts';

type Query = Record<string, string | number | undefined>;

export const userKeys = {
  all: ['users'] as const,
  list: (q: Query) => ['users', 'list', q] as const,
  tokens: (userId: number) => ['users', userId, 'tokens'] as const,
};

export function useUsers(query: Query) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => api<Page<UserView>>('/users', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  return useApiMutation({
    mutationFn: (body: Record<string, unknown>) => api('/users', { method: 'POST', body }),
    invalidates: [userKeys.all],
    success: '账号已创建',
  });
}

export function useResetPassword() {
  return useApiMutation({
    mutationFn: ({ userId, password }: { userId: number; password: string }) =>
      api(`/users/${userId}/password`, { method: 'POST', body: { password } }),
    success: '密码已重置',
  });
}

export function useToggleUserActive() {
  return useApiMutation({
    mutationFn: (u: UserView) =>
      api(`/users/${u.id}`, { method: 'PATCH', body: { version: u.version, active: !u.active } }),
    invalidates: [userKeys.all],
    success: (_r, u) => (u.active ? '账号已停用' : '账号已启用'),
  });
}

export function useGrantRole() {
  return useApiMutation({
    mutationFn: ({ user, values }: { user: UserView; values: Record<string, unknown> }) =>
      api(`/users/${user.id}/grants`, { method: 'POST', body: { ...values, orgId: values.orgId ?? undefined } }),
    invalidates: [userKeys.all],
    success: '已授予角色',
  });
}

export function useRevokeGrant() {
  return useApiMutation({
    mutationFn: ({ user, grant }: { user: UserView; grant: GrantView }) =>
      api(`/users/${user.id}/grants/${grant.id}`, { method: 'DELETE' }),
    invalidates: [userKeys.all],
    success: '已收回角色',
  });
}

export function useTokens(userId: number) {
  return useQuery({
    queryKey: userKeys.tokens(userId),
    queryFn: () => api<TokenListT>(`/users/${userId}/tokens`),
  });
}

/** A new token: its secret is in the answer, shown once. */
export function useCreateToken() {
  return useApiMutation({
    mutationFn: ({ userId, name }: { userId: number; name: string }) =>
      api<TokenView>(`/users/${userId}/tokens`, { method: 'POST', body: { name } }),
    invalidates: (_r, v) => [userKeys.tokens(v.userId)],
  });
}

export function useRevokeToken() {
  return useApiMutation({
    mutationFn: ({ userId, token }: { userId: number; token: TokenView }) =>
      api(`/users/${userId}/tokens/${token.id}`, { method: 'DELETE' }),
    invalidates: (_r, v) => [userKeys.tokens(v.userId)],
    success: '令牌已撤销',
  });
}
