/** What the campaign routes answer, as TypeBox: the server serialises with these, the web takes their types. */
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

/** A required reading (必学篇目) of a campaign. */
export const Reading = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  title: Type.String(),
  source: Type.String(),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
});

export const ReadingList = Type.Object({ items: Type.Array(Reading) });

export type CampaignViewT = Static<typeof Campaign>;
export type ReadingT = Static<typeof Reading>;
export type ReadingListT = Static<typeof ReadingList>;
