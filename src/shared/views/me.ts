/** What GET /me answers, as TypeBox: the server serialises with it, the web takes its Static type. */
import { Type, type Static } from 'typebox';

/** The signed-in user: who they are, their grants and the data scope those give. */
export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  personId: Type.Union([Type.Integer(), Type.Null()]),
  orgId: Type.Union([Type.Integer(), Type.Null()]),
  roles: Type.Array(Type.String()),
  roleLabels: Type.Array(Type.String()),
  grants: Type.Array(
    Type.Object({
      id: Type.Integer(),
      role: Type.String(),
      orgId: Type.Union([Type.Integer(), Type.Null()]),
      scopeKind: Type.String(),
    }),
  ),
  scope: Type.Object({
    all: Type.Boolean(),
    subtreeOrgIds: Type.Array(Type.Integer()),
    unitOrgIds: Type.Array(Type.Integer()),
    personId: Type.Union([Type.Integer(), Type.Null()]),
  }),
});

export type MeT = Static<typeof Me>;
