import { Type } from 'typebox';
import { SESSION_KINDS, SESSION_MODES } from '../../../shared/study-enums.ts';
import { DateString, PageQuery, Text, Version } from '../../http/schemas.ts';

const AttendanceItem = Type.Object(
  {
    personId: Type.Integer({ minimum: 1, title: '人员' }),
    status: Type.String({ enum: ['present', 'absent'], title: '出勤情况' }),
    reason: Type.Optional(Type.String({ maxLength: 200, title: '缺席原因' })),
  },
  { additionalProperties: false },
);

const fields = {
  kind: Type.String({ enum: Object.keys(SESSION_KINDS), title: '学习形式' }),
  mode: Type.String({ enum: Object.keys(SESSION_MODES), title: '学习方式' }),
  online: Type.Optional(Type.Boolean({ title: '线上' })),
  date: DateString('日期'),
  hours: Type.Number({ minimum: 0.5, maximum: 24, multipleOf: 0.5, title: '学时' }),
  topic: Text('主题', 200),
  speaker: Type.Optional(Type.String({ maxLength: 60, title: '主讲人' })),
  readingIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50, title: '学习篇目' })),
  speakerIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, title: '交流发言人' })),
  attendance: Type.Array(AttendanceItem, { maxItems: 2000, title: '出勤名单' }),
};

export const CreateSessionBody = Type.Object(
  {
    campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
    orgId: Type.Integer({ minimum: 1, title: '单位' }),
    ...fields,
  },
  { additionalProperties: false },
);
export const UpdateSessionBody = Type.Object({ version: Version, ...fields }, { additionalProperties: false });

export const SessionListQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1, title: '主题教育' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
    kind: Type.Optional(Type.String({ enum: Object.keys(SESSION_KINDS), title: '学习形式' })),
    from: Type.Optional(DateString('开始日期')),
    to: Type.Optional(DateString('结束日期')),
    uncovered: Type.Optional(Type.Boolean({ title: '未全覆盖' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const MakeupListQuery = Type.Object(
  {
    sessionId: Type.Optional(Type.Integer({ minimum: 1 })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
    status: Type.Optional(Type.String({ enum: ['open', 'done'], title: '状态' })),
    campaignId: Type.Optional(Type.Integer({ minimum: 1, title: '主题教育' })),
    from: Type.Optional(DateString('开始日期')),
    to: Type.Optional(DateString('结束日期')),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const MakeupPatch = Type.Object(
  {
    status: Type.String({ enum: ['open', 'done'], title: '状态' }),
    version: Version,
    madeUpDate: Type.Optional(DateString('补学日期')),
    note: Type.Optional(Type.String({ maxLength: 500, title: '补学情况' })),
  },
  { additionalProperties: false },
);

export const FiguresQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1, title: '主题教育' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
  },
  { additionalProperties: false },
);

export const MeetingsBehindQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '单位' })),
    shortfall: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 1, title: '少开次数' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const IdleUnitsQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '单位' })),
    days: Type.Integer({ minimum: 1, maximum: 366, title: '天数' }),
    ...PageQuery,
  },
  { additionalProperties: false },
);
