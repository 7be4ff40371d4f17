import { Type } from 'typebox';
import { DateString, Text } from '../../http/schemas.ts';
export { MeetingSummary, MeetingItem, MeetingView, MeetingList } from '../../../shared/views/meetings.ts';

export const MEETING_KINDS = { democratic_life: '专题民主生活会', organisational_life: '组织生活会' } as const;
export type MeetingKind = keyof typeof MEETING_KINDS;

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });

export const MeetingListQuery = Type.Object(
  { campaignId: Type.Optional(Id('主题教育')) },
  { additionalProperties: false },
);

export const CreateMeetingBody = Type.Object(
  {
    campaignId: Id('主题教育'),
    orgId: Id('单位'),
    kind: Type.String({ enum: Object.keys(MEETING_KINDS), title: '会议类型' }),
    date: DateString('日期'),
    attendeeIds: Type.Array(Id('参会人员'), { maxItems: 500, title: '参会人员' }),
    materialAttachmentId: Type.Optional(Type.Union([Id('对照检查材料'), Type.Null()], { title: '对照检查材料' })),
  },
  { additionalProperties: false },
);

export const MeetingItemBody = Type.Object(
  {
    kind: Type.String({ enum: ['criticism', 'self'], title: '类型' }),
    fromPersonId: Id('发言人'),
    toPersonId: Type.Optional(Type.Union([Id('被批评人'), Type.Null()], { title: '被批评人' })),
    content: Text('内容', 2000),
  },
  { additionalProperties: false },
);

export const ItemParams = Type.Object({ id: Id('会议'), itemId: Id('事项') });
export const ItemToProblemBody = Type.Object({ title: Text('问题标题', 200) }, { additionalProperties: false });

export const Created = Type.Object({ id: Type.Integer() });
