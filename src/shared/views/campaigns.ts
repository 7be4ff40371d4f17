/** What GET /campaigns answers, as TypeBox: the server serialises with it and the web takes `CampaignViewT` from it. */
import { Type, type Static } from 'typebox';

export const Campaign = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  batch: Type.Union([Type.String(), Type.Null()]),
  startDate: Type.String(),
  endDate: Type.String(),
  generalRequirement: Type.String(),
  targets: Type.Array(Type.String()),
  workLines: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  focusAreas: Type.Array(Type.String()),
  minStudyHours: Type.Integer(),
  warningDays: Type.Integer(),
  status: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  version: Type.Integer(),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});

export type CampaignViewT = Static<typeof Campaign>;
