/** Roles and data-scope kinds, shared by server and web. */

export const ROLES = ['admin', 'office', 'secretary', 'leader', 'officer', 'member', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '领导小组办公室',
  secretary: '第一责任人',
  leader: '班子成员',
  officer: '党务干部',
  member: '党员干部',
  supervisor: '督导组',
};

/**
 * subtree: the granted unit and everything under it; assigned: the leader's own unit and the subtrees of
 * the units they guide (分管); group: the units assigned to the supervision groups the person belongs to;
 * own: only records tied to the person; all: everything (admin).
 */
export const SCOPE_KINDS = ['all', 'subtree', 'assigned', 'group', 'own'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const SCOPE_LABELS: Record<ScopeKind, string> = {
  all: '全部',
  subtree: '本单位及下级',
  assigned: '本单位及分管单位',
  group: '督导组联系单位',
  own: '仅本人',
};

/** The scope a role gets unless an admin picks another. */
export const DEFAULT_SCOPE: Record<Role, ScopeKind> = {
  admin: 'all',
  office: 'subtree',
  secretary: 'subtree',
  leader: 'assigned',
  officer: 'subtree',
  member: 'own',
  supervisor: 'group',
};
