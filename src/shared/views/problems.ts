/**
 * What GET/POST /problems answer, as TypeBox: the server serialises with these schemas (and documents them in
 * OpenAPI) and the web takes its types from them (`ProblemViewT`), so the two cannot drift apart.
 */
import { Type, type Static, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Colour = Type.Union([
  Type.Literal('red'),
  Type.Literal('yellow'),
  Type.Literal('green'),
  Type.Literal('blue'),
  Type.Literal('none'),
]);

export const MeasureView = Type.Object(
  {
    id: Type.Integer(),
    content: Type.String(),
    leaderId: Nullable(Type.Integer()),
    leaderName: Nullable(Type.String()),
    ownerOrgId: Type.Integer(),
    ownerOrgName: Type.String(),
    ownerId: Nullable(Type.Integer()),
    ownerName: Nullable(Type.String()),
    deadline: Type.String(),
    status: Type.String({ description: 'open 推进中 / done 已完成' }),
    doneAt: Nullable(Type.String()),
    overdue: Type.Boolean(),
    version: Type.Integer(),
  },
  { additionalProperties: true },
);

/** The problem as returned: the fixed fields of API.md, labels, derived flags and the caller's abilities. */
export const ProblemView = Type.Object(
  {
    id: Type.Integer(),
    campaignId: Type.Integer(),
    orgId: Type.Integer(),
    orgName: Type.String(),
    personId: Nullable(Type.Integer()),
    personName: Nullable(Type.String()),
    title: Type.String(),
    description: Type.String(),
    source: Type.String(),
    sourceLabel: Type.String(),
    category: Type.String(),
    rootCauses: Type.Array(Type.String()),
    rootCauseAnalysis: Type.String(),
    kind: Type.String(),
    kindLabel: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    effect: Type.String(),
    returnReason: Type.String(),
    escalatedFromId: Nullable(Type.Integer()),
    specialItemId: Nullable(Type.Integer()),
    institutionId: Nullable(Type.Integer()),
    sourceRef: Type.Union([Type.Object({ type: Type.String(), id: Nullable(Type.Integer()) }), Type.Null()]),
    dueDate: Nullable(Type.String()),
    overdue: Type.Boolean(),
    colour: Colour,
    submittedAt: Nullable(Type.String()),
    closedAt: Nullable(Type.String()),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    measures: Type.Array(MeasureView),
    abilities: Type.Record(Type.String(), Type.Boolean()),
    /** Moves the caller's role could take but the record does not allow yet, with the reason (申请销号 with open measures). */
    blockers: Type.Record(Type.String(), Type.String()),
  },
  // Detail answers add progress, evidence, extensions and escalation links (ProblemDetailView).
  { additionalProperties: true },
);

const { measures: _measures, ...listFields } = ProblemView.properties;

/**
 * A 问题清单 item: what the table and cards show — the fixed fields, colour and overdue, the next deadline (dueDate,
 * the earliest deadline among open measures), how many measures are open and done, abilities and blockers.
 * The measures themselves come with the detail, or with `include=measures`.
 */
export const ProblemListItemView = Type.Object(
  {
    ...listFields,
    measureCounts: Type.Object(
      { open: Type.Integer(), done: Type.Integer() },
      { description: '整改措施数：推进中 / 已完成' },
    ),
    measures: Type.Optional(Type.Array(MeasureView, { description: '仅当 include=measures' })),
  },
  { additionalProperties: true },
);

const Link = Type.Object({ id: Type.Integer(), status: Type.String(), orgName: Type.String() });

/** GET /problems/{id}: the problem with its progress notes, evidence, extension requests and escalation links. */
export const ProblemDetailView = Type.Object(
  {
    ...ProblemView.properties,
    progress: Type.Array(
      Type.Object({
        id: Type.Integer(),
        measureId: Type.Integer(),
        date: Type.String(),
        note: Type.String(),
        authorName: Type.String(),
      }),
    ),
    evidence: Type.Array(
      Type.Object({
        id: Type.Integer(),
        measureId: Nullable(Type.Integer()),
        attachmentId: Type.Integer(),
        name: Type.String(),
        size: Type.Integer(),
      }),
    ),
    extensions: Type.Array(
      Type.Object({
        id: Type.Integer(),
        measureId: Type.Integer(),
        currentDeadline: Type.String(),
        requestedDeadline: Type.String(),
        reason: Type.String(),
        status: Type.String(),
        requestedBy: Type.String(),
        decidedBy: Nullable(Type.String()),
        decisionReason: Nullable(Type.String()),
      }),
    ),
    escalatedTo: Type.Array(Link),
    escalatedFrom: Type.Union([Link, Type.Null()]),
  },
  { additionalProperties: true },
);

/** A value of a figure's list filter (status, kind, overdue …): what the 问题清单 query takes. */
const FilterValue = Type.Unsafe<string | number | boolean>(Type.Unknown());

const FigureRow = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  own: Type.Boolean(),
  figures: Type.Record(Type.String(), Type.Integer()),
});

/** GET /problems/figures: the figures' definitions, a row per unit (its own, then each child's subtree), the total. */
export const ProblemFiguresView = Type.Object({
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  figures: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      filter: Type.Record(Type.String(), FilterValue),
    }),
  ),
  rows: Type.Array(FigureRow),
  total: FigureRow,
});

export type MeasureViewT = Static<typeof MeasureView>;
export type ProblemViewT = Static<typeof ProblemView>;
export type ProblemListItemT = Static<typeof ProblemListItemView>;
export type ProblemDetailViewT = Static<typeof ProblemDetailView>;
export type ProblemFiguresViewT = Static<typeof ProblemFiguresView>;
