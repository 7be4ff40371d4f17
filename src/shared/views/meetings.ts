/** What the 民主生活会 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';

export const MeetingSummary = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  date: Type.String(),
  orgName: Type.String(),
  campaignId: Type.Integer(),
});

export const MeetingItem = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  content: Type.String(),
  problemId: Type.Union([Type.Integer(), Type.Null()]),
  fromName: Type.Union([Type.String(), Type.Null()]),
  toName: Type.Union([Type.String(), Type.Null()]),
});

export const MeetingView = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  date: Type.String(),
  attendeeIds: Type.Array(Type.Integer()),
  materialAttachmentId: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  items: Type.Array(MeetingItem),
});

export const MeetingList = Type.Object({ items: Type.Array(MeetingSummary) });

export type MeetingSummaryT = Static<typeof MeetingSummary>;
export type MeetingItemT = Static<typeof MeetingItem>;
export type MeetingViewT = Static<typeof MeetingView>;
export type MeetingListT = Static<typeof MeetingList>;
