/**
 * Every kind of 站内消息 and robot message, with its Chinese name (web labels, the robot's event picker).
 * A module whose records send messages adds its kinds here and calls notify() from its command.
 */
export const NOTIFICATION_EVENTS = {
  assigned: '成为责任人',
  returned: '退回',
  approved: '审核通过',
  extension_decided: '延期申请结果',
  reminder: '时限提醒',
  channel_broken: '群机器人失效',
} as const;

export type NotificationEvent = keyof typeof NOTIFICATION_EVENTS;

/** Events a group robot may subscribe to (channel_broken goes to the office only, in the app). */
export const ROBOT_EVENTS = Object.keys(NOTIFICATION_EVENTS).filter(
  (e) => e !== 'channel_broken',
) as NotificationEvent[];
