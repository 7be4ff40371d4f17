import { Type, type TSchema } from 'typebox';
import { Abilities, PageOf, PageQuery, Text, Version } from '../../http/schemas.ts';
import { ROBOT_EVENTS } from '../../../shared/notification-events.ts';

export const MessageQuery = Type.Object(
  { ...PageQuery, unread: Type.Optional(Type.Boolean({ title: '仅未读' })) },
  { additionalProperties: false },
);

const Events = Type.Array(Type.String({ enum: ROBOT_EVENTS, title: '推送事件' }), {
  minItems: 1,
  maxItems: ROBOT_EVENTS.length,
  title: '推送事件',
});
const Url = Type.String({ minLength: 8, maxLength: 1000, title: '机器人地址' });
const Secret = Type.Union([Type.String({ minLength: 1, maxLength: 200, title: '加签密钥' }), Type.Null()]);

export const WebhookCreate = Type.Object(
  {
    orgId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '所属单位' }),
    kind: Type.String({ enum: ['dingtalk', 'wecom'], title: '机器人类型' }),
    name: Text('名称', 100),
    url: Url,
    secret: Type.Optional(Secret),
    events: Events,
  },
  { additionalProperties: false },
);

export const WebhookPatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(Text('名称', 100)),
    url: Type.Optional(Url),
    secret: Type.Optional(Secret),
    events: Type.Optional(Events),
  },
  { additionalProperties: false },
);

export const WebhookListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const MessagePage = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      event: Type.String(),
      eventLabel: Type.String(),
      title: Type.String(),
      body: Type.String(),
      link: Type.String(),
      createdAt: Type.String(),
      readAt: Nullable(Type.String()),
      read: Type.Boolean(),
    }),
  ),
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
export const RobotPage = PageOf(RobotView);
export const RobotTestResult = Type.Object({
  ok: Type.Boolean(),
  errcode: Nullable(Type.Integer()),
  error: Type.String(),
});
export const DeliveryPage = PageOf(
  Type.Object({
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
  }),
);
