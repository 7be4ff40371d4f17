import { Type } from 'typebox';
import {
  PROBLEM_KINDS,
  PROBLEM_SOURCE_KEYS,
  PROBLEM_STATUSES,
  PROBLEM_COLOURS,
  ROOT_CAUSES,
} from '../../../shared/problem-enums.ts';
import { DateString, PageQuery, Text, Version } from '../../http/schemas.ts';
import { ACTIONS } from './lifecycle.ts';

const keys = (o: object) => Object.keys(o);

/** A deadline as a date, or as a number of working days from today. */
export const Deadline = Type.Union(
  [
    DateString('整改时限'),
    Type.Object(
      { workingDays: Type.Integer({ minimum: 1, maximum: 365, title: '工作日数' }) },
      { additionalProperties: false },
    ),
  ],
  { title: '整改时限' },
);

const MeasureFields = {
  content: Text('整改措施', 1000),
  leaderId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '责任领导' })),
  ownerOrgId: Type.Optional(Type.Integer({ minimum: 1, title: '责任单位' })),
  ownerId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '责任人' })),
  deadline: Deadline,
};

export const MeasureBody = Type.Object(MeasureFields, { additionalProperties: false });

export const MeasurePatch = Type.Object(
  {
    version: Version,
    content: Type.Optional(MeasureFields.content),
    leaderId: MeasureFields.leaderId,
    ownerOrgId: MeasureFields.ownerOrgId,
    ownerId: MeasureFields.ownerId,
    deadline: Type.Optional(Deadline),
    status: Type.Optional(Type.String({ enum: ['open', 'done'], title: '完成状态' })),
  },
  { additionalProperties: false },
);

const ProblemFields = {
  title: Text('问题标题', 200),
  description: Type.Optional(Type.String({ maxLength: 4000, title: '问题描述' })),
  source: Type.String({ enum: PROBLEM_SOURCE_KEYS, title: '问题来源' }),
  category: Type.Optional(Type.String({ maxLength: 30, title: '问题领域' })),
  rootCauses: Type.Optional(
    Type.Array(Type.String({ enum: keys(ROOT_CAUSES) }), { maxItems: 5, uniqueItems: true, title: '根源剖析' }),
  ),
  rootCauseAnalysis: Type.Optional(Type.String({ maxLength: 4000, title: '原因分析' })),
  kind: Type.String({ enum: keys(PROBLEM_KINDS), title: '整改类型' }),
  personId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '个人问题所属人员' })),
  specialItemId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '专项整治' })),
};

export const CreateProblemBody = Type.Object(
  {
    campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
    orgId: Type.Integer({ minimum: 1, title: '单位' }),
    ...ProblemFields,
    measures: Type.Optional(Type.Array(MeasureBody, { maxItems: 20, title: '整改措施' })),
  },
  { additionalProperties: false },
);

export const UpdateProblemBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(ProblemFields.title),
    description: ProblemFields.description,
    source: Type.Optional(ProblemFields.source),
    category: ProblemFields.category,
    rootCauses: ProblemFields.rootCauses,
    rootCauseAnalysis: ProblemFields.rootCauseAnalysis,
    kind: Type.Optional(ProblemFields.kind),
    personId: ProblemFields.personId,
    specialItemId: ProblemFields.specialItemId,
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  {
    action: Type.String({ enum: [...ACTIONS], title: '操作' }),
    version: Version,
    reason: Type.Optional(Type.String({ maxLength: 1000, title: '理由' })),
    effect: Type.Optional(Type.String({ maxLength: 4000, title: '整改成效' })),
    attachmentIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50, title: '佐证材料' })),
    institutionId: Type.Optional(Type.Integer({ minimum: 1, title: '关联制度' })),
  },
  { additionalProperties: false },
);

export const ProgressBody = Type.Object(
  {
    date: DateString('进展日期'),
    note: Text('进展情况', 2000),
    attachmentIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50, title: '佐证材料' })),
  },
  { additionalProperties: false },
);

export const ExtensionBody = Type.Object(
  { requestedDeadline: DateString('申请延期至'), reason: Text('延期理由', 1000) },
  { additionalProperties: false },
);
export const DecisionBody = Type.Object(
  {
    approve: Type.Boolean({ title: '是否同意' }),
    reason: Type.Optional(Type.String({ maxLength: 1000, title: '意见' })),
  },
  { additionalProperties: false },
);

export const ProblemListQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1, title: '主题教育' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
    unitOnly: Type.Optional(Type.Boolean({ title: '仅本级' })),
    source: Type.Optional(Type.String({ enum: PROBLEM_SOURCE_KEYS, title: '问题来源' })),
    category: Type.Optional(Type.String({ maxLength: 30, title: '问题领域' })),
    kind: Type.Optional(Type.String({ enum: keys(PROBLEM_KINDS), title: '整改类型' })),
    status: Type.Optional(Type.String({ enum: keys(PROBLEM_STATUSES), title: '状态' })),
    colour: Type.Optional(Type.String({ enum: keys(PROBLEM_COLOURS), title: '颜色' })),
    ownerId: Type.Optional(Type.Integer({ minimum: 1, title: '责任人' })),
    overdue: Type.Optional(Type.Boolean({ title: '是否逾期' })),
    escalated: Type.Optional(Type.Boolean({ title: '是否上报' })),
    onTime: Type.Optional(Type.Boolean({ title: '按期完成' })),
    submittedBefore: Type.Optional(Type.String({ format: 'date', title: '申请销号早于' })),
    createdFrom: Type.Optional(Type.String({ format: 'date', title: '发现日期起' })),
    createdTo: Type.Optional(Type.String({ format: 'date', title: '发现日期止' })),
    specialItemId: Type.Optional(Type.Integer({ minimum: 1, title: '专项整治' })),
    q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
    sort: Type.Optional(Type.String({ enum: ['dueDate', 'createdAt', '-createdAt'], title: '排序' })),
    include: Type.Optional(
      Type.String({ enum: ['measures'], title: '附带内容', description: 'measures：附带整改措施' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const MeasureParams = Type.Object({ id: Type.Integer({ minimum: 1 }), measureId: Type.Integer({ minimum: 1 }) });
export const ExtensionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), extId: Type.Integer({ minimum: 1 }) });

// The answers live in src/shared so the web takes its types from the same schemas.
export {
  MeasureView,
  ProblemDetailView,
  ProblemFiguresView,
  ProblemListItemView,
  ProblemView,
} from '../../../shared/views/problems.ts';

/** DELETE carries the version it saw, as every other write does. */
export const DeleteQuery = Type.Object(
  { version: Type.Integer({ minimum: 1, title: '版本' }) },
  { additionalProperties: false },
);

export const FiguresQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1, title: '主题教育' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
  },
  { additionalProperties: false },
);

// — 专项整治 —
export const SpecialItemListQuery = Type.Object(
  { campaignId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' })) },
  { additionalProperties: false },
);

export const CreateSpecialItemBody = Type.Object(
  {
    campaignId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' }),
    name: Text('名称', 100),
    leadOrgId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '牵头单位' }),
    description: Type.Optional(Type.String({ maxLength: 2000, title: '说明' })),
  },
  { additionalProperties: false },
);

export const SpecialItem = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  name: Type.String(),
  leadOrgId: Type.Integer(),
  leadOrgName: Type.String(),
  description: Type.String(),
  problemCount: Type.Integer(),
});

export const SpecialItemList = Type.Object({ items: Type.Array(SpecialItem) });
export const SpecialItemCreated = Type.Object({ id: Type.Integer() });
