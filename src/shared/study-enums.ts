/** Vocabularies of 理论学习 (F3). */
export const SESSION_KINDS = {
  reading_class: '读书班',
  central_group: '理论学习中心组',
  members_meeting: '支部党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  special_lecture: '专题党课',
  first_topic: '第一议题',
  seminar: '研讨交流',
  expert_lecture: '专家辅导',
  other: '其他',
} as const;
export type SessionKind = keyof typeof SESSION_KINDS;

export const SESSION_MODES = {
  leader: '领导讲学',
  expert: '专家导学',
  exchange: '交流研学',
  self: '个人自学',
} as const;
export type SessionMode = keyof typeof SESSION_MODES;

/**
 * 三会一课 and 党课 are Party organisation life: only Party members are 应到 (a 群众 in the unit is not absent
 * from a 支部党员大会). Every other kind concerns everyone on the unit's roster.
 */
export const PARTY_SESSION_KINDS: ReadonlySet<string> = new Set<SessionKind>([
  'members_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'special_lecture',
]);

/** Whom a session of this kind counts as 应到: the unit's Party members, or everyone on its roster. */
export const rosterOf = (kind: string): 'party' | 'all' => (PARTY_SESSION_KINDS.has(kind) ? 'party' : 'all');
