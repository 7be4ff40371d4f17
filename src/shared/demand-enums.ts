/** Vocabularies of 为民办实事 and 接诉即办 (F8), shared by server and web. */

export const DEMAND_STATUSES = {
  received: '已受理',
  dispatched: '已派单',
  accepted: '办理中',
  answered: '已答复',
  closed: '已办结',
} as const;
export type DemandStatus = keyof typeof DEMAND_STATUSES;

export const DEMAND_CHANNELS = {
  hotline: '12345热线',
  online: '网上留言',
  letter: '来信来访',
  visit: '走访发现',
  public_page: '你留言我来办',
  open311: '城市平台',
} as const;
export type DemandChannel = keyof typeof DEMAND_CHANNELS;

export const DEMAND_KINDS = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
} as const;
export type DemandKind = keyof typeof DEMAND_KINDS;

export const SATISFACTIONS = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' } as const;
export type Satisfaction = keyof typeof SATISFACTIONS;

export const DEMAND_ACTIONS = {
  dispatch: '派单',
  accept: '签收',
  return: '退单',
  request_extension: '申请延期',
  approve_extension: '同意延期',
  reject_extension: '驳回延期',
  answer: '答复',
  visit: '回访',
  close: '办结',
  reopen: '重办',
  merge: '并入重复件',
} as const;
export type DemandAction = keyof typeof DEMAND_ACTIONS;

export const MATTER_STATUSES = { planned: '未开始', in_progress: '推进中', done: '已完成' } as const;
export type MatterStatus = keyof typeof MATTER_STATUSES;
