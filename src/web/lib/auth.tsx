import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setUnauthenticatedHandler, ApiError } from './api.ts';
import type { MeT } from '../../shared/views/me.ts';
import { ROLE_GROUPS, type RoleGroup } from '../../shared/roles.ts';

/** The signed-in user as the server answers GET /me (its response schema in src/shared/views/me.ts). */
export type Me = MeT;

interface AuthState {
  me: Me | null;
  loading: boolean;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState>({
  me: null,
  loading: true,
  refresh: async () => {},
  logout: async () => {},
});

/** Loads /me once; a 401 anywhere sends the user back to the login page. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<Me>('/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  useEffect(() => {
    setUnauthenticatedHandler(() => qc.setQueryData(['me'], null));
  }, [qc]);
  const state: AuthState = {
    me: query.data ?? null,
    loading: query.isLoading,
    refresh: async () => {
      await qc.invalidateQueries({ queryKey: ['me'] });
    },
    logout: async () => {
      await api('/session', { method: 'DELETE' }).catch(() => undefined);
      // Reload from the login page so nothing of this account stays in memory.
      window.location.assign('/login');
    },
  };
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}

/** True when the user holds any of the roles. */
export function hasRole(me: Me | null, ...roles: string[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}

/** True when the user holds a role of the group (the server's policies speak in the same groups). */
export function inGroup(me: Me | null, group: RoleGroup): boolean {
  return hasRole(me, ...ROLE_GROUPS[group]);
}
