/** Request and response shapes of 考核 (TypeBox): one schema validates, types the handlers and documents the API. */
import { Type, type TSchema } from 'typebox';
import { Abilities, DateString, Text, Version } from '../../http/schemas.ts';
import { ORG_TYPE_KEYS } from '../../../shared/org-types.ts';
import { INDICATOR_KINDS } from './scoring.ts';

const Figure = (title: string) => Type.Number({ title, minimum: -1e9, maximum: 1e9 });
const Points = (title: string) => Type.Number({ title, minimum: 0, maximum: 1000 });
const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });

export { Assessment, Entry, Objection, ScoreItem, Scores } from '../../../shared/views/assessments.ts';

/** A scoring rule or 一票否决 condition; which fields apply depends on `type` (checked by the command). */
export const RuleBody = Type.Object(
  {
    type: Type.String({ enum: ['linear', 'steps', 'deduct', 'veto'], title: '计分方式' }),
    from: Type.Optional(Figure('零分对应值')),
    to: Type.Optional(Figure('满分对应值')),
    better: Type.Optional(Type.String({ enum: ['higher', 'lower'], title: '分档方向' })),
    steps: Type.Optional(
      Type.Array(Type.Object({ at: Figure('档位'), points: Points('档位得分') }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 20,
        title: '分档',
      }),
    ),
    per: Type.Optional(Points('每项扣分')),
    free: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6, title: '不扣分的数量' })),
    atLeast: Type.Optional(Figure('否决下限（达到即否决）')),
    atMost: Type.Optional(Figure('否决上限（低于即否决）')),
  },
  { additionalProperties: false, title: '计分规则' },
);

export const IndicatorBody = Type.Object(
  {
    id: Type.Optional(Id('指标编号')),
    name: Text('指标名称', 200),
    method: Type.Optional(Type.String({ maxLength: 100, title: '考核方式' })),
    kind: Type.String({ enum: Object.keys(INDICATOR_KINDS), title: '指标类型' }),
    maxPoints: Points('分值'),
    weight: Type.Optional(Type.Number({ minimum: 0, maximum: 100, title: '权重' })),
    source: Type.Optional(Type.Union([Type.String({ maxLength: 60, title: '数据来源' }), Type.Null()])),
    rule: Type.Optional(Type.Union([RuleBody, Type.Null()])),
  },
  { additionalProperties: false },
);

export const AreasBody = Type.Array(
  Type.Object(
    {
      name: Text('领域名称', 100),
      indicators: Type.Array(IndicatorBody, { maxItems: 60, title: '指标' }),
    },
    { additionalProperties: false },
  ),
  { maxItems: 20, title: '考核领域' },
);

export const GroupsBody = Type.Array(
  Type.Object(
    {
      key: Type.String({ enum: ORG_TYPE_KEYS, title: '单位类型' }),
      label: Type.Optional(Type.String({ minLength: 1, maxLength: 30, title: '分组名称' })),
    },
    { additionalProperties: false },
  ),
  { minItems: 1, maxItems: 10, title: '考核分组' },
);

export const StarLevelsBody = Type.Array(
  Type.Object(
    {
      stars: Type.Integer({ minimum: 1, maximum: 5, title: '星级' }),
      minScore: Points('最低分'),
      quota: Type.Optional(Type.Number({ minimum: 0, maximum: 1, title: '名额比例' })),
      requiresIndicatorId: Type.Optional(Id('必备指标')),
    },
    { additionalProperties: false },
  ),
  { maxItems: 5, title: '星级评定' },
);

export const AssessmentFields = {
  name: Text('考核名称', 100),
  period: Text('考核周期', 30),
  periodFrom: DateString('起始日期'),
  periodTo: DateString('截止日期'),
  groups: GroupsBody,
  starLevels: Type.Optional(StarLevelsBody),
  areas: AreasBody,
};

export const CreateBody = Type.Object(
  { campaignId: Id('主题教育'), orgId: Id('考核单位'), ...AssessmentFields },
  { additionalProperties: false },
);

export const UpdateBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(AssessmentFields.name),
    period: Type.Optional(AssessmentFields.period),
    periodFrom: Type.Optional(AssessmentFields.periodFrom),
    periodTo: Type.Optional(AssessmentFields.periodTo),
    groups: Type.Optional(GroupsBody),
    starLevels: Type.Optional(StarLevelsBody),
    areas: Type.Optional(AreasBody),
  },
  { additionalProperties: false },
);

/** The scores page: everything, or one peer group by page (ranked units in rank order, then its units without data). */
export const ScoresQuery = Type.Object(
  {
    group: Type.Optional(Type.String({ maxLength: 30, title: '考核分组' })),
    // No defaults: without group and page the whole result is answered (the export, small assessments).
    page: Type.Optional(Type.Integer({ minimum: 1, title: '页码' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, title: '每页条数' })),
  },
  { additionalProperties: false },
);

export const EntryBody = Type.Object(
  {
    indicatorId: Id('指标'),
    orgId: Id('单位'),
    points: Points('分值'),
    reason: Text('理由', 1000),
    attachmentIds: Type.Optional(Type.Array(Id('佐证材料'), { maxItems: 20, title: '佐证材料' })),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  {
    action: Type.String({ enum: ['finalise', 'publish', 'open_publicity', 'confirm'], title: '操作' }),
    publicityUntil: Type.Optional(DateString('公示截止日期')),
    version: Version,
  },
  { additionalProperties: false },
);

/** 上级审核: accept (optionally adjusting the claimed points, with a reason) or reject. */
export const ReviewBody = Type.Object(
  {
    accept: Type.Boolean({ title: '是否认定' }),
    points: Type.Optional(Points('认定分值')),
    note: Type.Optional(Type.String({ maxLength: 1000, title: '审核意见' })),
    version: Version,
  },
  { additionalProperties: false },
);

export const ObjectionBody = Type.Object(
  {
    orgId: Id('单位'),
    indicatorId: Id('指标'),
    reason: Text('异议理由', 1000),
    attachmentIds: Type.Optional(Type.Array(Id('佐证材料'), { maxItems: 20, title: '佐证材料' })),
  },
  { additionalProperties: false },
);

export const AnswerBody = Type.Object(
  {
    decision: Type.String({ enum: ['uphold', 'adjust'], title: '答复结果' }),
    reason: Text('答复理由', 1000),
    points: Type.Optional(Points('调整后得分')),
    version: Version,
  },
  { additionalProperties: false },
);
