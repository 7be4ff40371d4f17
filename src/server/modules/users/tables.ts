import type { Generated } from 'kysely';

export interface UserTable {
  id: Generated<number>;
  username: string;
  passwordHash: string;
  personId: number | null;
  displayName: string;
  active: Generated<number>;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface RoleGrantTable {
  id: Generated<number>;
  userId: number;
  role: string;
  orgId: number | null;
  scopeKind: string;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface SessionTable {
  tokenHash: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  userId: number;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  success: number;
}

export interface UserTables {
  users: UserTable;
  roleGrants: RoleGrantTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  loginAttempts: LoginAttemptTable;
}
