/** What the 民生实事 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';
import { Abilities, Nullable } from './common.ts';

/** The public list: the matter, its unit's name and dated progress notes — nobody's name (the schema drops the rest). */
export const PublicMatterList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      target: Type.String(),
      dueDate: Type.String(),
      status: Type.String(),
      statusLabel: Type.String(),
      result: Type.String(),
      orgName: Type.String(),
      progress: Type.Array(Type.Object({ date: Type.String(), note: Type.String() })),
    }),
  ),
});

const Progress = Type.Object({
  id: Type.Integer(),
  date: Type.String(),
  note: Type.String(),
  attachmentId: Nullable(Type.Integer()),
  authorName: Type.String(),
});
/** A matter with its dated progress notes and what the caller may do with it. */
export const Matter = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  ownerId: Nullable(Type.Integer()),
  ownerName: Nullable(Type.String()),
  title: Type.String(),
  target: Type.String(),
  dueDate: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  result: Type.String(),
  published: Type.Boolean(),
  doneAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  colour: Type.String(),
  progress: Type.Array(Progress),
  version: Type.Integer(),
  abilities: Abilities,
});

export type MatterViewT = Static<typeof Matter>;
export type PublicMatterT = Static<typeof PublicMatterList>['items'][number];
