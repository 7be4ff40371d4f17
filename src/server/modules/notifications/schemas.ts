import { Type } from 'typebox';
import { PageOf, PageQuery, Text, Version } from '../../http/schemas.ts';
import { ROBOT_EVENTS } from '../../../shared/notification-events.ts';
import { DeliveryView, RobotView } from '../../../shared/views/notifications.ts';
export {
  DeliveryView,
  MessagePage,
  MessageRead,
  MessagesMarked,
  RobotTestResult,
  RobotView,
  UnreadCount,
} from '../../../shared/views/notifications.ts';

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

export const RobotPage = PageOf(RobotView);
export const DeliveryPage = PageOf(DeliveryView);
