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
