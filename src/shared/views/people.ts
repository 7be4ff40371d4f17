/** What the people routes answer, as TypeBox: the server serialises with it, the web takes `PersonViewT`. */
import { Type, type Static } from 'typebox';

export const Person = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  name: Type.String(),
  gender: Type.Union([Type.String(), Type.Null()]),
  position: Type.String(),
  isPartyMember: Type.Boolean(),
  leadershipLevel: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});

export type PersonViewT = Static<typeof Person>;
