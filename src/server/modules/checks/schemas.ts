import { Type } from 'typebox';
import { DateString, PageQuery, Text, Version } from '../../http/schemas.ts';
import { CHECK_METHODS, CHECK_STATUSES } from '../../../shared/check-enums.ts';
export { DrawView, CheckView, VerifyView, PoolView } from '../../../shared/views/checks.ts';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const Ids = (title: string, maxItems: number) => Type.Array(Id(title), { maxItems, title });
export const Method = Type.String({ enum: Object.keys(CHECK_METHODS), title: '检查方式' });

export const CommitBody = Type.Object(
  { campaignId: Id('主题教育'), orgId: Type.Optional(Id('组织单位')), groupId: Type.Optional(Id('督导组')) },
  { additionalProperties: false },
);

export const DrawBody = Type.Object(
  {
    campaignId: Id('主题教育'),
    poolOrgIds: Type.Array(Id('抽取范围'), { minItems: 1, maxItems: 500, title: '抽取范围' }),
    count: Type.Integer({ minimum: 1, maximum: 100, title: '抽取数量' }),
    commitmentId: Type.Optional(Id('种子承诺')),
    version: Type.Optional(Version),
    publicValue: Type.Optional(Type.String({ maxLength: 200, title: '公开随机数' })),
    orgId: Type.Optional(Id('组织单位')),
    groupId: Type.Optional(Id('督导组')),
    rosterIds: Type.Optional(Ids('检查人员名单', 200)),
    inspectorsPerUnit: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, title: '每单位检查人数' })),
    date: Type.Optional(DateString('检查日期')),
    rule: Type.Optional(
      Type.Object(
        {
          orgId: Type.Optional(Id('范围单位')),
          types: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, title: '单位类型' })),
          excludeRecentDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, title: '近期已查天数' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PoolQuery = Type.Object(
  {
    campaignId: Id('主题教育'),
    orgId: Id('范围单位'),
    types: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, title: '单位类型' })),
    excludeRecentDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, title: '近期已查天数' })),
  },
  { additionalProperties: false },
);

export const CheckListQuery = Type.Object(
  {
    campaignId: Type.Optional(Id('主题教育')),
    orgId: Type.Optional(Id('单位')),
    status: Type.Optional(Type.String({ enum: Object.keys(CHECK_STATUSES), title: '状态' })),
    method: Type.Optional(Method),
    drawId: Type.Optional(Id('抽查')),
    from: Type.Optional(DateString('开始日期')),
    to: Type.Optional(DateString('结束日期')),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateCheckBody = Type.Object(
  {
    campaignId: Id('主题教育'),
    orgId: Id('被检查单位'),
    groupId: Type.Optional(Id('督导组')),
    date: DateString('检查日期'),
    method: Method,
    inspectorIds: Ids('检查人员', 20),
  },
  { additionalProperties: false },
);

export const RecordCheckBody = Type.Object(
  {
    version: Version,
    date: Type.Optional(DateString('检查日期')),
    method: Type.Optional(Method),
    summary: Type.Optional(Type.String({ maxLength: 4000, title: '检查情况' })),
    inspectorIds: Type.Optional(Ids('检查人员', 20)),
    findings: Type.Array(
      Type.Object(
        { text: Text('发现问题', 2000), title: Type.Optional(Type.String({ maxLength: 200, title: '问题标题' })) },
        { additionalProperties: false },
      ),
      { maxItems: 50, title: '发现问题' },
    ),
  },
  { additionalProperties: false },
);

export const RecusalBody = Type.Object(
  { personId: Id('人员'), orgId: Id('单位'), reason: Text('回避原因', 200) },
  { additionalProperties: false },
);

export const RecusalCreated = Type.Object(
  { id: Type.Integer({ description: '回避登记编号' }) },
  { additionalProperties: false, description: '已登记的回避' },
);
