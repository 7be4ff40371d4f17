/** What the 接诉即办 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';
import { Abilities, Nullable } from './common.ts';

const NStr = Nullable(Type.String());
const NInt = Nullable(Type.Integer());
const NNum = Nullable(Type.Number());
const NBool = Nullable(Type.Boolean());
const Rate = NNum;

export const Demand = Type.Object({
  id: Type.Integer(),
  campaignId: NInt,
  trackingCode: Type.String(),
  channel: Type.String(),
  channelLabel: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  category: Type.String(),
  categoryName: Type.String(),
  intakeOrgId: Type.Integer(),
  intakeOrgName: Type.String(),
  orgId: NInt,
  orgName: NStr,
  firstOrgId: NInt,
  description: Type.String(),
  address: Type.String(),
  lat: NNum,
  long: NNum,
  confidential: Type.Boolean(),
  status: Type.String(),
  statusLabel: Type.String(),
  receivedAt: Type.String(),
  dispatchedAt: NStr,
  acceptDueAt: NStr,
  returnDueAt: NStr,
  acceptedAt: NStr,
  dueAt: NStr,
  overdue: Type.Boolean(),
  extensionDays: NInt,
  extensionReason: NStr,
  extended: Type.Boolean(),
  answeredAt: NStr,
  answer: Type.String(),
  visitedAt: NStr,
  contacted: NBool,
  solved: NBool,
  satisfaction: NStr,
  closedAt: NStr,
  closeReason: Type.String(),
  returnCount: Type.Integer(),
  reopenCount: Type.Integer(),
  repeatOf: NInt,
  repeatFlag: Type.Boolean(),
  problemId: NInt,
  contactVisible: Type.Boolean(),
  contactName: Type.String(),
  contactPhone: Type.String(),
  version: Type.Integer(),
  abilities: Abilities,
});

export const DemandDetail = Type.Intersect([
  Demand,
  Type.Object({
    events: Type.Array(
      Type.Object({
        id: Type.Integer(),
        action: Type.String(),
        label: Type.String(),
        fromStatus: Type.String(),
        toStatus: Type.String(),
        orgId: NInt,
        note: Type.String(),
        actorName: Type.String(),
        at: Type.String(),
      }),
    ),
    coHandlers: Type.Array(Type.Object({ orgId: Type.Integer(), name: Type.String() })),
    repeats: Type.Array(
      Type.Object({
        id: Type.Integer(),
        trackingCode: Type.String(),
        status: Type.String(),
        receivedAt: Type.String(),
      }),
    ),
    nearby: Type.Union([Type.Object({ id: Type.Integer(), trackingCode: Type.String() }), Type.Null()]),
    photos: Type.Array(Type.Object({ id: Type.Integer(), mime: Type.String(), size: Type.Integer() })),
  }),
]);

export const Figures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  received: Type.Integer(),
  overdue: Type.Integer(),
  valid: Type.Integer(),
  contacted: Type.Integer(),
  solved: Type.Integer(),
  satisfied: Type.Integer(),
  basically: Type.Integer(),
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  score: Rate,
  weights: Type.Object({
    response: Type.Number(),
    resolution: Type.Number(),
    satisfaction: Type.Number(),
    basicallyFactor: Type.Number(),
    effectiveFrom: Type.String(),
  }),
  links: Type.Record(Type.String(), Type.String()),
});

/** The public page's catalogue (the same codes as Open311 service_code). */
export const PublicCategoryList = Type.Array(
  Type.Object({ code: Type.String(), name: Type.String(), group: Type.String() }),
);

/** A demand as the public sees it: no name, no phone, no internal id (the schema drops anything else). */
export const PublicDemandView = Type.Object({
  trackingCode: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  category: Type.String(),
  categoryName: Type.String(),
  description: Type.String(),
  address: Type.String(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  long: Type.Union([Type.Number(), Type.Null()]),
  receivedAt: Type.String(),
  updatedAt: Type.String(),
  dueAt: NStr,
  answer: Type.String(),
  answeredAt: NStr,
  satisfaction: NStr,
  agency: NStr,
  photoIds: Type.Array(Type.Integer()),
  rateable: Type.Boolean(),
  steps: Type.Array(Type.Object({ action: Type.String(), label: Type.String(), at: Type.String() })),
});

/** 下级单位三率排名: ties share a rank, units without data are not ranked. */
export const UnitRateList = Type.Object({
  from: Type.String(),
  to: Type.String(),
  items: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      name: Type.String(),
      received: Type.Integer(),
      valid: Type.Integer(),
      responseRate: Rate,
      resolutionRate: Rate,
      satisfactionRate: Rate,
      score: Rate,
      rank: NInt,
      overdue: Type.Integer(),
    }),
  ),
});

export type DemandViewT = Static<typeof Demand>;
export type DemandDetailT = Static<typeof DemandDetail>;
export type DemandFiguresT = Static<typeof Figures>;
export type UnitRateListT = Static<typeof UnitRateList>;
export type UnitRateT = UnitRateListT['items'][number];
export type PublicCategoryT = Static<typeof PublicCategoryList>[number];
export type PublicDemandT = Static<typeof PublicDemandView>;
