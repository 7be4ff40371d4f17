/** What the 消息提醒 and 机器人 routes answer, as TypeBox: the server serialises with these, the web their types. */
import { Type, type Static } from 'typebox';
import { Abilities, Nullable } from './common.ts';

/** A message in the caller's 站内消息. */
export const MessageView = Type.Object({
  id: Type.Integer(),
  event: Type.String(),
  eventLabel: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.String(),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
  read: Type.Boolean(),
});

/** A page of messages with the caller's unread count. */
export const MessagePage = Type.Object({
  items: Type.Array(MessageView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  unread: Type.Integer(),
});
export const UnreadCount = Type.Object({ unread: Type.Integer() });
export const MessageRead = Type.Object({ id: Type.Integer(), read: Type.Boolean() });
export const MessagesMarked = Type.Object({ marked: Type.Integer() });

export const RobotView = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  urlHint: Type.String(),
  hasSecret: Type.Boolean(),
  events: Type.Array(Type.String()),
  status: Type.String(),
  statusLabel: Type.String(),
  brokenReason: Type.String(),
  version: Type.Integer(),
  abilities: Abilities,
});
export const RobotTestResult = Type.Object({
  ok: Type.Boolean(),
  errcode: Nullable(Type.Integer()),
  error: Type.String(),
});
/** One attempt to push an event to a robot. */
export const DeliveryView = Type.Object({
  id: Type.Integer(),
  event: Type.String(),
  eventLabel: Type.String(),
  title: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  errcode: Nullable(Type.Integer()),
  error: Type.String(),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});

export type MessageViewT = Static<typeof MessageView>;
export type MessagePageT = Static<typeof MessagePage>;
export type UnreadCountT = Static<typeof UnreadCount>;
export type MessageReadT = Static<typeof MessageRead>;
export type MessagesMarkedT = Static<typeof MessagesMarked>;
export type RobotViewT = Static<typeof RobotView>;
export type RobotTestResultT = Static<typeof RobotTestResult>;
export type DeliveryViewT = Static<typeof DeliveryView>;
