import { Type } from 'typebox';
import { DateString, Text } from '../../http/schemas.ts';
import {
  DEMAND_ACTIONS,
  DEMAND_CHANNELS,
  DEMAND_KINDS,
  DEMAND_STATUSES,
  SATISFACTIONS,
} from '../../../shared/demand-enums.ts';
import { MAX_EXTENSION_DAYS } from './deadlines.ts';
import { MAX_PHOTOS } from './photo-store.ts';
import { VISIT_FILTERS } from './repository.ts';
// The answers live in src/shared so the web takes its types from the same schemas.
export {
  Demand,
  DemandDetail,
  Figures,
  PublicCategoryList,
  PublicDemandView,
  UnitRateList,
} from '../../../shared/views/demands.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NStr = Nullable(Type.String());
const NInt = Type.Union([Type.Integer(), Type.Null()]);

export const CategoryCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9_]+$', title: '诉求类别' });
export const Lat = Type.Number({ minimum: -90, maximum: 90, title: '纬度' });
export const Long = Type.Number({ minimum: -180, maximum: 180, title: '经度' });
/** A mainland mobile or a landline with its area code. */
export const PHONE_PATTERN = '^1[3-9]\\d{9}$|^0\\d{2,3}-?\\d{7,8}$';
export const Phone = Type.String({ pattern: PHONE_PATTERN, maxLength: 20, title: '联系电话' });
export const Phone4 = Type.String({ pattern: '^\\d{4}$', title: '手机号后四位' });
export const TrackingParams = Type.Object({
  trackingCode: Type.String({ pattern: '^TZ[2-9A-HJKMNP-Z]{10}$', title: '查询码' }),
});
const Ids = (title: string, max: number) =>
  Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: max, title });

const bool = Type.Optional(Type.Boolean());
export const ListQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '单位' })),
    unitOnly: bool,
    status: Type.Optional(Type.String({ enum: Object.keys(DEMAND_STATUSES), title: '状态' })),
    category: Type.Optional(CategoryCode),
    channel: Type.Optional(Type.String({ enum: Object.keys(DEMAND_CHANNELS), title: '渠道' })),
    kind: Type.Optional(Type.String({ enum: Object.keys(DEMAND_KINDS), title: '诉求类型' })),
    overdue: bool,
    repeat: bool,
    cell: Type.Optional(Type.String({ maxLength: 40, pattern: '^-?\\d+:-?\\d+$', title: '网格' })),
    receivedFrom: Type.Optional(DateString('受理起始日期')),
    receivedTo: Type.Optional(DateString('受理截止日期')),
    visitedFrom: Type.Optional(DateString('回访起始日期')),
    visitedTo: Type.Optional(DateString('回访截止日期')),
    visit: Type.Optional(Type.String({ enum: [...VISIT_FILTERS], title: '回访结果' })),
    trackingCode: Type.Optional(Type.String({ maxLength: 20, title: '查询码' })),
    q: Type.Optional(Type.String({ maxLength: 100, title: '关键词' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, title: '页码' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20, title: '每页条数' })),
  },
  { additionalProperties: false },
);

export const IntakeFields = {
  category: CategoryCode,
  description: Text('诉求内容', 4000),
  address: Type.String({ minLength: 1, maxLength: 200, title: '地点' }),
  lat: Type.Optional(Lat),
  long: Type.Optional(Long),
  name: Type.String({ minLength: 1, maxLength: 50, title: '姓名' }),
  phone: Phone,
  confidential: Type.Optional(Type.Boolean({ title: '要求保密' })),
  photoIds: Type.Optional(Ids('照片', MAX_PHOTOS)),
};

export const CreateBody = Type.Object(
  {
    ...IntakeFields,
    name: Type.Optional(Type.String({ maxLength: 50, title: '姓名' })),
    phone: Type.Optional(Type.Union([Phone, Type.Literal('')])),
    address: Type.Optional(Type.String({ maxLength: 200, title: '地点' })),
    channel: Type.String({ enum: ['hotline', 'online', 'letter', 'visit'], title: '渠道' }),
    kind: Type.String({ enum: Object.keys(DEMAND_KINDS), title: '诉求类型' }),
    orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '受理单位' })),
    campaignId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' })),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  {
    action: Type.String({ enum: Object.keys(DEMAND_ACTIONS), title: '操作' }),
    version: Type.Integer({ minimum: 1, maximum: 2147483647, title: '版本号' }),
    orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '承办单位' })),
    reason: Type.Optional(Type.String({ maxLength: 2000, title: '理由' })),
    answer: Type.Optional(Type.String({ maxLength: 4000, title: '答复内容' })),
    satisfaction: Type.Optional(Type.String({ enum: Object.keys(SATISFACTIONS), title: '满意度' })),
    contacted: Type.Optional(Type.Boolean({ title: '是否先行联系' })),
    solved: Type.Optional(Type.Boolean({ title: '是否解决' })),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_EXTENSION_DAYS, title: '延期工作日' })),
    targetId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '并入的诉求' })),
  },
  { additionalProperties: false },
);

export const FiguresQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '单位' })),
    from: Type.Optional(DateString('起始日期')),
    to: Type.Optional(DateString('截止日期')),
  },
  { additionalProperties: false },
);

const Weight = (title: string) => Type.Number({ minimum: 0, maximum: 1, title });
export const RateConfigBody = Type.Object(
  {
    campaignId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' }),
    effectiveFrom: DateString('生效日期'),
    responseWeight: Weight('响应率权重'),
    resolutionWeight: Weight('解决率权重'),
    satisfactionWeight: Weight('满意率权重'),
    basicallyFactor: Weight('基本满意折算系数'),
    monthStartDay: Type.Integer({ minimum: 1, maximum: 28, title: '考核月起始日' }),
    repeatDistanceM: Type.Integer({ minimum: 10, maximum: 1000, title: '重复诉求距离（米）' }),
    repeatWindowDays: Type.Integer({ minimum: 1, maximum: 365, title: '重复诉求时间窗（天）' }),
  },
  { additionalProperties: false },
);

export const CategoryBody = Type.Object(
  {
    code: CategoryCode,
    name: Text('类别名称', 40),
    group: Text('类别分组', 40),
    acceptHours: Type.Integer({ minimum: 1, maximum: 720, title: '签收时限（小时）' }),
    handleLimit: Type.Integer({ minimum: 1, maximum: 720, title: '办理时限' }),
    handleUnit: Type.String({ enum: ['hours', 'working_days'], title: '办理时限单位' }),
  },
  { additionalProperties: false },
);

/** Changing a category: any of its fields but the code, or 停用/启用. */
export const CategoryPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1, title: '版本' }),
    name: Type.Optional(Text('类别名称', 40)),
    group: Type.Optional(Text('类别分组', 40)),
    acceptHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720, title: '签收时限（小时）' })),
    handleLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 720, title: '办理时限' })),
    handleUnit: Type.Optional(Type.String({ enum: ['hours', 'working_days'], title: '办理时限单位' })),
    active: Type.Optional(Type.Boolean({ title: '是否启用' })),
  },
  { additionalProperties: false },
);

export const PublicIntakeBody = Type.Object(
  {
    ...IntakeFields,
    kind: Type.Optional(Type.String({ enum: Object.keys(DEMAND_KINDS), title: '诉求类型' })),
    // The honeypot: a field hidden from people; bots fill it.
    website: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const RatingBody = Type.Object(
  {
    phone4: Phone4,
    satisfaction: Type.String({ enum: Object.keys(SATISFACTIONS), title: '满意度' }),
    solved: Type.Optional(Type.Boolean({ title: '是否解决' })),
    contacted: Type.Optional(Type.Boolean({ title: '是否联系过您' })),
  },
  { additionalProperties: false },
);

export const CategoryList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      group: Type.String(),
      acceptHours: Type.Number(),
      handleLimit: Type.Number(),
      handleUnit: Type.String(),
      active: Type.Integer(),
      sortOrder: Type.Integer(),
      version: Type.Integer(),
      createdAt: Type.String(),
      updatedAt: Type.String(),
    }),
  ),
});

/** 高频诉求: one row per category and grid cell, with the list it opens. */
export const HotspotList = Type.Object({
  items: Type.Array(
    Type.Object({
      category: Type.String(),
      categoryName: Type.String(),
      cell: NStr,
      count: Type.Integer(),
      address: NStr,
      lastAt: NStr,
      link: Type.String(),
    }),
  ),
});

export const RateConfigList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      campaignId: Type.Integer(),
      effectiveFrom: Type.String(),
      responseWeight: Type.Number(),
      resolutionWeight: Type.Number(),
      satisfactionWeight: Type.Number(),
      basicallyFactor: Type.Number(),
      monthStartDay: Type.Integer(),
      repeatDistanceM: Type.Integer(),
      repeatWindowDays: Type.Integer(),
      createdBy: NInt,
      createdAt: Type.String(),
    }),
  ),
});

export const PublicPhoto = Type.Object({ id: Type.Integer(), size: Type.Integer(), type: Type.String() });
