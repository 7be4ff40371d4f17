import { Type } from 'typebox';
import { Abilities, DateString, PageOf, PageQuery, Text, Version } from '../../http/schemas.ts';

export const VISIT_METHODS = ['四不两直', '座谈', '走访', '蹲点', '问卷', '其他'];
export const STATUS_LABELS: Record<string, string> = {
  planned: '已领题',
  in_progress: '调研中',
  reported: '已报告',
  accepted: '已验收',
};

export const ReportView = Type.Object({
  situation: Type.String(),
  problems: Type.String(),
  analysis: Type.String(),
  measures: Type.String(),
});

export const VisitView = Type.Object({
  id: Type.Integer(),
  topicId: Type.Integer(),
  date: Type.String(),
  place: Type.String(),
  method: Type.String(),
  met: Type.String(),
  findings: Type.String(),
  problemId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
});

export const VisitList = Type.Object({ items: Type.Array(VisitView) });

const topicFields = {
  id: Type.Integer(),
  campaignId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  leaderId: Type.Integer(),
  leaderName: Type.String(),
  title: Type.String(),
  plan: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  recommended: Type.Boolean(),
  reviewNote: Type.String(),
  situation: Type.String(),
  problems: Type.String(),
  analysis: Type.String(),
  measures: Type.String(),
  reportedAt: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  report: ReportView,
  abilities: Abilities,
};

export const TopicView = Type.Object(topicFields);
export const TopicDetailView = Type.Object({ ...topicFields, visits: Type.Array(VisitView) });
export const TopicPage = PageOf(TopicView);

export const TopicListQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1 })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
    status: Type.Optional(Type.String({ enum: Object.keys(STATUS_LABELS), title: '状态' })),
    recommended: Type.Optional(Type.Boolean({ title: '择优推送' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateTopicBody = Type.Object(
  {
    campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
    orgId: Type.Integer({ minimum: 1, title: '单位' }),
    leaderId: Type.Optional(Type.Integer({ minimum: 1, title: '领题领导' })),
    title: Text('课题名称', 200),
    plan: Type.Optional(Type.String({ maxLength: 4000, title: '调研方案' })),
  },
  { additionalProperties: false },
);

export const VisitBody = Type.Object(
  {
    date: DateString('日期'),
    place: Text('地点', 100),
    method: Type.String({ enum: VISIT_METHODS, title: '方式' }),
    met: Type.Optional(Type.String({ maxLength: 500, title: '走访对象' })),
    findings: Type.Optional(Type.String({ maxLength: 4000, title: '发现' })),
  },
  { additionalProperties: false },
);

export const ReportBody = Type.Object(
  {
    version: Version,
    situation: Text('情况', 8000),
    problems: Text('问题', 8000),
    analysis: Text('分析', 8000),
    measures: Text('举措', 8000),
  },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  {
    version: Version,
    accept: Type.Boolean({ title: '是否验收' }),
    recommended: Type.Optional(Type.Boolean({ title: '择优推送' })),
    note: Type.Optional(Type.String({ maxLength: 1000, title: '意见' })),
  },
  { additionalProperties: false },
);

export const FindingBody = Type.Object(
  {
    title: Text('问题标题', 200),
    description: Type.Optional(Type.String({ maxLength: 4000, title: '问题描述' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '责任单位' })),
  },
  { additionalProperties: false },
);

export const PracticeBody = Type.Object(
  { title: Text('制度名称', 200), reason: Text('理由', 2000) },
  { additionalProperties: false },
);

export const CreatedId = Type.Object({ id: Type.Integer() });

export const LeadersWithoutReportQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, title: '单位' })),
    minReports: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 1, title: '应形成报告篇数' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const LeadersWithoutReport = PageOf(
  Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    position: Type.String(),
    orgName: Type.String(),
  }),
);
