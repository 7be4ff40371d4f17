/** What the 调查研究 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';
import { Abilities } from './common.ts';

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

export const LeadersWithoutReport = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      position: Type.String(),
      orgName: Type.String(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export type ReportViewT = Static<typeof ReportView>;
export type VisitViewT = Static<typeof VisitView>;
export type VisitListT = Static<typeof VisitList>;
export type TopicViewT = Static<typeof TopicView>;
export type TopicDetailViewT = Static<typeof TopicDetailView>;
export type LeadersWithoutReportT = Static<typeof LeadersWithoutReport>;
