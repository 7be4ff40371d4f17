import { Type } from 'typebox';
import { DateString, PageOf, PageQuery, Text, Version } from '../../http/schemas.ts';
import { TopicView } from '../../../shared/views/research.ts';
export {
  ReportView,
  VisitView,
  VisitList,
  TopicView,
  TopicDetailView,
} from '../../../shared/views/research.ts';

export const VISIT_METHODS = ['四不两直', '座谈', '走访', '蹲点', '问卷', '其他'];
export const STATUS_LABELS: Record<string, string> = {
  planned: '已领题',
  in_progress: '调研中',
  reported: '已报告',
  accepted: '已验收',
};

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
