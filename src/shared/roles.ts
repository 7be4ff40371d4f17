/** Roles and data-scope kinds, shared by server and web. */

export const ROLES = ['admin', 'office', 'secretary', 'leader', 'officer', 'member', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role groups every rule speaks in, named once: a new role (or a role's new duty) is one edit here, and
 * the server's policies (src/server/policies/roles.ts) and the web's menus use the same names.
 */
export const ROLE_GROUPS = {
  /** 领导小组办公室 and the administrator: the org tree, campaigns, supervision groups, 分管, 专项整治. */
  managers: ['admin', 'office'],
  /** Those who review and approve (the 第一责任人 above a unit's work): 审核, 销号, plans, reports, 印发. */
  reviewers: ['admin', 'office', 'secretary'],
  /** Those who keep a unit's ledgers: sessions, meetings, people, drafts of institutions. */
  recorders: ['admin', 'office', 'secretary', 'officer'],
  /** Those who put problems on the rectification loop (recorders and the leaders guiding units). */
  rectifiers: ['admin', 'office', 'secretary', 'officer', 'leader'],
  /** Those who lead research topics of their own. */
  researchLeads: ['admin', 'office', 'secretary', 'leader'],
  /** Those who organise 督导检查: draws, checks and their records (the office and the supervision groups). */
  organisers: ['admin', 'office', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleGroup = keyof typeof ROLE_GROUPS;

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
