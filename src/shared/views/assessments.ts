/** What the 考核 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';
import { Abilities, Nullable } from './common.ts';

export const Assessment = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  name: Type.String(),
  period: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  published: Type.Boolean(),
  groups: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  starLevels: Type.Array(
    Type.Object({
      stars: Type.Integer(),
      minScore: Type.Number(),
      quota: Type.Optional(Type.Number()),
      requiresIndicatorId: Type.Optional(Type.Integer()),
    }),
  ),
  areas: Type.Array(
    Type.Object({
      name: Type.String(),
      indicators: Type.Array(
        Type.Object({
          id: Type.Integer(),
          name: Type.String(),
          method: Type.String(),
          kind: Type.String(),
          kindLabel: Type.String(),
          maxPoints: Type.Number(),
          weight: Type.Number(),
          source: Nullable(Type.String()),
          sourceLabel: Nullable(Type.String()),
          rule: Nullable(Type.Record(Type.String(), Type.Unknown())),
        }),
      ),
    }),
  ),
  finalisedAt: Nullable(Type.String()),
  /** draft · final · publicity (公示中) · publicity_ended (公示期满) · confirmed (最终结果) */
  phase: Type.String(),
  publicityFrom: Nullable(Type.String()),
  publicityUntil: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
  /** 异议 still waiting for the office's answer. */
  openObjections: Type.Integer(),
  version: Type.Integer(),
  abilities: Abilities,
});

export const ScoreItem = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  group: Type.String(),
  groupLabel: Type.String(),
  score: Nullable(Type.Number()),
  rank: Nullable(Type.Integer()),
  groupSize: Type.Integer(),
  stars: Nullable(Type.Integer()),
  vetoed: Type.Boolean(),
  parts: Type.Array(
    Type.Object({
      indicatorId: Type.Integer(),
      value: Nullable(Type.Number()),
      points: Nullable(Type.Number()),
      evidence: Type.String(),
    }),
  ),
});

export const Scores = Type.Object({
  status: Type.String(),
  /** Ranked units, by group then rank. */
  items: Type.Array(ScoreItem),
  /** Units without data: listed apart, never ranked. */
  unscored: Type.Array(ScoreItem),
  /** When one group is asked for by page: how many of its units are ranked, and which page this is. */
  total: Type.Optional(Type.Integer()),
  page: Type.Optional(Type.Integer()),
  pageSize: Type.Optional(Type.Integer()),
});

export const Entry = Type.Object({
  id: Type.Integer(),
  assessmentId: Type.Integer(),
  indicatorId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  points: Type.Number(),
  /** What the unit claimed, when 上级审核 adjusted the points; null otherwise. */
  claimedPoints: Nullable(Type.Number()),
  reason: Type.String(),
  attachmentIds: Type.Array(Type.Integer()),
  status: Type.String(),
  statusLabel: Type.String(),
  reviewNote: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
});

export const Objection = Type.Object({
  id: Type.Integer(),
  assessmentId: Type.Integer(),
  indicatorId: Type.Integer(),
  indicatorName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  reason: Type.String(),
  attachmentIds: Type.Array(Type.Integer()),
  status: Type.String(),
  statusLabel: Type.String(),
  answer: Type.String(),
  pointsBefore: Nullable(Type.Number()),
  pointsAfter: Nullable(Type.Number()),
  answeredAt: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
});

export type AssessmentView = Static<typeof Assessment>;
export type IndicatorView = AssessmentView['areas'][number]['indicators'][number];
export type ScoreItemView = Static<typeof ScoreItem>;
export type EntryView = Static<typeof Entry>;
export type ObjectionView = Static<typeof Objection>;
