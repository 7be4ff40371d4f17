/** Vocabularies of the problem list (F6), shared by server, web and importers. */

export const PROBLEM_SOURCES = {
  self_found: '自己找',
  public_raised: '群众提',
  collective: '集体议',
  superior: '上级点',
  research: '调研发现',
  development: '推动发展遇到',
  public_report: '群众反映',
  inspection_tour: '巡视巡察',
  audit: '审计',
  supervision: '督导检查',
  life_meeting: '民主生活会',
  special: '专项整治',
} as const;
export type ProblemSource = keyof typeof PROBLEM_SOURCES;
export const PROBLEM_SOURCE_KEYS = Object.keys(PROBLEM_SOURCES) as ProblemSource[];

export const ROOT_CAUSES = {
  political: '政治',
  ideological: '思想',
  ability: '能力',
  style: '作风',
  discipline: '纪律',
} as const;
export type RootCause = keyof typeof ROOT_CAUSES;

export const PROBLEM_KINDS = { immediate: '立行立改', long_term: '长期坚持' } as const;
export type ProblemKind = keyof typeof PROBLEM_KINDS;

export const PROBLEM_STATUSES = {
  draft: '待审核',
  in_progress: '整改中',
  submitted: '申请销号',
  closed: '已销号',
} as const;
export type ProblemStatus = keyof typeof PROBLEM_STATUSES;

/** 红黄绿蓝: red overdue, yellow due soon or awaiting acceptance, green done, blue long-term. */
export const PROBLEM_COLOURS = {
  red: '逾期',
  yellow: '临期/待验收',
  green: '已完成',
  blue: '长期坚持',
  none: '正常推进',
} as const;
export type ProblemColour = keyof typeof PROBLEM_COLOURS;
