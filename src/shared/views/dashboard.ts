/** What GET /dashboard answers, as TypeBox: the server serialises with it and the web takes `DashboardViewT` from it. */
import { Type, type Static } from 'typebox';
import { Figures as DemandFigures } from './demands.ts';

const Counts = Type.Record(Type.String(), Type.Integer());

export const ProblemFigures = Type.Object({
  total: Type.Integer(),
  closed: Type.Integer(),
  cleared: Type.Integer(),
  onTime: Type.Integer(),
  overdue: Type.Integer(),
  escalated: Type.Integer(),
  byStatus: Counts,
  byColour: Counts,
});

export const StudyFigures = Type.Object({
  sessions: Type.Integer(),
  attendanceRate: Type.Number(),
  coverage: Type.Number(),
  uncoveredSessions: Type.Integer(),
  openMakeups: Type.Integer(),
});

export const TaskFigures = Type.Object({
  total: Type.Integer(),
  done: Type.Integer(),
  onTrack: Type.Integer(),
  behind: Type.Integer(),
  notStarted: Type.Integer(),
  stale: Type.Integer(),
  red: Type.Integer(),
  yellow: Type.Integer(),
});

export const UnitFigures = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  problems: ProblemFigures,
  study: StudyFigures,
  tasks: TaskFigures,
  demands: DemandFigures,
});

export const DashboardView = Type.Object({
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  campaignId: Type.Union([Type.Integer(), Type.Null()]),
  asOf: Type.String({ description: '判断逾期、临期所依据的日期（今天）' }),
  problems: ProblemFigures,
  study: StudyFigures,
  tasks: TaskFigures,
  /** 接诉即办: what GET /demands/figures answers for the subtree over the campaign's current assessment month. */
  demands: DemandFigures,
  children: Type.Array(UnitFigures, { description: '各直属下级单位（含其下属）的同口径数字' }),
});

export type DashboardViewT = Static<typeof DashboardView>;
export type UnitFiguresViewT = Static<typeof UnitFigures>;
export type ProblemFiguresViewT = Static<typeof ProblemFigures>;
export type StudyFiguresViewT = Static<typeof StudyFigures>;
export type TaskFiguresViewT = Static<typeof TaskFigures>;
export type DemandFiguresViewT = Static<typeof DemandFigures>;
