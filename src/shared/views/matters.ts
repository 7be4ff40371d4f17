/** What the 民生实事 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';
import { Abilities, Nullable } from './common.ts';

/** Progress notes a matter carries in lists (the newest; GET /matters/{id}/progress pages them all). */
export const PROGRESS_SHOWN = 50;
/** Progress notes the public list shows with each matter (its total says how many there are in all). */
export const PUBLIC_PROGRESS_SHOWN = 10;

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
      progress: Type.Array(Type.Object({ date: Type.String(), note: Type.String() }), {
        description: `最近的进展（至多 ${PUBLIC_PROGRESS_SHOWN} 条，新的在前）`,
      }),
      progressTotal: Type.Integer({ description: '进展共几条' }),
    }),
  ),
  total: Type.Integer({ description: '公开的民生实事共几项' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const Progress = Type.Object({
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
  progress: Type.Array(Progress, {
    description: `最近的进展（至多 ${PROGRESS_SHOWN} 条，新的在前；全部见 /matters/{id}/progress）`,
  }),
  progressTotal: Type.Integer({ description: '进展共几条' }),
  version: Type.Integer(),
  abilities: Abilities,
});

export type MatterViewT = Static<typeof Matter>;
export type PublicMatterT = Static<typeof PublicMatterList>['items'][number];
