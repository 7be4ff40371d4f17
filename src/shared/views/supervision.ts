/** What the 督导组 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';
import { Abilities } from './common.ts';

export const GroupView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  orgId: Type.Integer(),
  active: Type.Boolean(),
  members: Type.Array(Type.Object({ personId: Type.Integer(), name: Type.String() })),
  units: Type.Array(Type.Object({ orgId: Type.Integer(), name: Type.String() })),
  version: Type.Integer(),
  abilities: Abilities,
});

export const GroupList = Type.Object({ items: Type.Array(GroupView) });

export type GroupViewT = Static<typeof GroupView>;
export type GroupListT = Static<typeof GroupList>;
