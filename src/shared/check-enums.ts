/** Vocabularies of 督促指导 (F9), 简报 (F10) and 先进典型, shared by server and web. */

export const CHECK_METHODS = {
  random: '随机抽查',
  visit: '下沉走访',
  interview: '座谈访谈',
  documents: '查阅资料',
} as const;
export type CheckMethod = keyof typeof CHECK_METHODS;

export const CHECK_STATUSES = { planned: '待检查', recorded: '已检查' } as const;
export type CheckStatus = keyof typeof CHECK_STATUSES;

export const DRAW_STATUSES = { committed: '已承诺种子', drawn: '已抽取', published: '已公开' } as const;

export const BULLETIN_STATUSES = { draft: '草稿', issued: '已签发' } as const;
export const BULLETIN_KINDS = { regular: '简报', supplement: '增刊' } as const;
export type BulletinKind = keyof typeof BULLETIN_KINDS;

export const HIGHLIGHT_KINDS = { highlight: '亮点', demo_site: '示范点', good_practice: '优秀做法' } as const;
export type HighlightKind = keyof typeof HIGHLIGHT_KINDS;

/** The records a 亮点 may be flagged on (the owning module is asked whether the caller sees the record). */
export const HIGHLIGHT_ENTITIES = {
  study_session: '集体学习',
  research_topic: '调研课题',
  problem: '已销号问题',
} as const;
export type HighlightEntity = keyof typeof HIGHLIGHT_ENTITIES;

export const EXEMPLAR_STATUSES = {
  nominated: '推荐中',
  recommended: '已推荐',
  notice: '公示中',
  selected: '已评选',
  rejected: '未通过',
} as const;
export type ExemplarStatus = keyof typeof EXEMPLAR_STATUSES;
