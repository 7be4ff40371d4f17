export interface GrantView {
  id: number;
  role: string;
  orgId: number | null;
  orgName: string | null;
  scopeKind: string;
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  personId: number | null;
  personName: string | null;
  orgName: string | null;
  active: boolean;
  grants: GrantView[];
  version: number;
  abilities: Record<string, boolean>;
}

export interface TokenView {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  token?: string;
}
