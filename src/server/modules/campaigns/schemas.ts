import { Type } from 'typebox';
import { WORK_LINE_KEYS } from '../../../shared/work-lines.ts';
import { DateString, PageQuery, Text, Version } from '../../http/schemas.ts';

const StringList = (title: string, item: string) => Type.Array(Text(item, 200), { maxItems: 30, title });
const WorkLine = Type.Object(
  { key: Type.String({ enum: WORK_LINE_KEYS, title: '工作线类型' }), label: Text('工作线名称', 30) },
  { additionalProperties: false },
);

const fields = {
  name: Text('名称', 100),
  batch: Type.Optional(Type.Union([Type.String({ maxLength: 20, title: '批次' }), Type.Null()], { title: '批次' })),
  startDate: DateString('开始日期'),
  endDate: DateString('结束日期'),
  generalRequirement: Type.Optional(Type.String({ maxLength: 200, title: '总要求' })),
  targets: Type.Optional(StringList('目标任务', '目标')),
  workLines: Type.Optional(Type.Array(WorkLine, { maxItems: 10, title: '工作线' })),
  focusAreas: Type.Optional(StringList('重点检视问题领域', '问题领域')),
  minStudyHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, title: '最低学时' })),
  warningDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 90, title: '临期预警天数' })),
  status: Type.Optional(Type.String({ enum: ['active', 'finished'], title: '状态' })),
};

export const CreateCampaignBody = Type.Object(
  { ...fields, orgId: Type.Integer({ minimum: 1, title: '牵头单位' }) },
  { additionalProperties: false },
);

export const UpdateCampaignBody = Type.Object(
  {
    version: Version,
    ...fields,
    name: Type.Optional(fields.name),
    startDate: Type.Optional(fields.startDate),
    endDate: Type.Optional(fields.endDate),
  },
  { additionalProperties: false },
);

// The answer lives in src/shared so the web takes its type from the same schema.
export { Campaign, Reading, ReadingList } from '../../../shared/views/campaigns.ts';

export const CampaignListQuery = Type.Object(
  { status: Type.Optional(Type.String({ enum: ['active', 'finished'], title: '状态' })), ...PageQuery },
  { additionalProperties: false },
);

export const ReadingBody = Type.Object(
  {
    title: Text('篇目', 200),
    source: Type.Optional(Type.String({ maxLength: 200, title: '出处' })),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, title: '排序号' })),
  },
  { additionalProperties: false },
);
export const ReadingUpdateBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Text('篇目', 200)),
    source: Type.Optional(Type.String({ maxLength: 200, title: '出处' })),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, title: '排序号' })),
  },
  { additionalProperties: false },
);
export const ReadingParams = Type.Object({ id: Type.Integer({ minimum: 1 }), readingId: Type.Integer({ minimum: 1 }) });
