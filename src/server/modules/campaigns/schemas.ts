import { Type } from 'typebox';
import { WORK_LINE_KEYS } from '../../../shared/work-lines.ts';
import { Abilities, DateString, PageQuery, Text, Version } from '../../http/schemas.ts';

const WorkLine = Type.Object(
  { key: Type.String({ enum: WORK_LINE_KEYS, title: '工作线' }), label: Text('工作线名称', 20) },
  { additionalProperties: false },
);

const fields = {
  batch: Type.Optional(Type.Union([Text('批次', 20, 0), Type.Null()], { title: '批次' })),
  generalRequirement: Type.Optional(Text('总要求', 200, 0)),
  targets: Type.Optional(Type.Array(Text('目标', 200), { maxItems: 20, title: '目标' })),
  workLines: Type.Optional(Type.Array(WorkLine, { maxItems: 12, title: '工作线' })),
  focusAreas: Type.Optional(Type.Array(Text('重点问题领域', 40), { maxItems: 30, title: '重点问题领域' })),
  minStudyHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, title: '最低学时' })),
  warningDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, title: '预警天数' })),
};

export const CreateCampaignBody = Type.Object(
  { orgId: Type.Integer({ minimum: 1, title: '牵头单位' }), name: Text('名称', 100), startDate: DateString('开始日期'), endDate: DateString('结束日期'), ...fields },
  { additionalProperties: false },
);

export const UpdateCampaignBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Text('名称', 100)),
    startDate: Type.Optional(DateString('开始日期')),
    endDate: Type.Optional(DateString('结束日期')),
    status: Type.Optional(Type.String({ enum: ['active', 'finished'], title: '状态' })),
    ...fields,
  },
  { additionalProperties: false },
);

export const Campaign = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  batch: Type.Union([Type.String(), Type.Null()]),
  startDate: Type.String(),
  endDate: Type.String(),
  generalRequirement: Type.String(),
  targets: Type.Array(Type.String()),
  workLines: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  focusAreas: Type.Array(Type.String()),
  minStudyHours: Type.Integer(),
  warningDays: Type.Integer(),
  status: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Abilities,
});

export const CampaignListQuery = Type.Object(
  { status: Type.Optional(Type.String({ enum: ['active', 'finished'], title: '状态' })), ...PageQuery },
  { additionalProperties: false },
);

export const Reading = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  title: Type.String(),
  source: Type.String(),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
  abilities: Abilities,
});

const SortOrder = Type.Integer({ minimum: 0, maximum: 1_000_000, title: '排序号' });

export const CreateReadingBody = Type.Object(
  { title: Text('篇目名称', 200), source: Type.Optional(Text('出处', 200, 0)), sortOrder: Type.Optional(SortOrder) },
  { additionalProperties: false },
);

export const UpdateReadingBody = Type.Object(
  { version: Version, title: Type.Optional(Text('篇目名称', 200)), source: Type.Optional(Text('出处', 200, 0)), sortOrder: Type.Optional(SortOrder) },
  { additionalProperties: false },
);

export const ReadingParams = Type.Object({ id: Type.Integer({ minimum: 1, title: '编号' }), readingId: Type.Integer({ minimum: 1, title: '篇目编号' }) });
