/** What the account routes answer, as TypeBox: the server serialises with them, the web takes their types. */
import { Type, type Static } from 'typebox';

export const Grant = Type.Object({
  id: Type.Integer(),
  role: Type.String(),
  orgId: Type.Union([Type.Integer(), Type.Null()]),
  orgName: Type.Union([Type.String(), Type.Null()]),
  scopeKind: Type.String(),
});

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  personId: Type.Union([Type.Integer(), Type.Null()]),
  personName: Type.Union([Type.String(), Type.Null()]),
  orgName: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  grants: Type.Array(Grant),
  version: Type.Integer(),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});

export const Token = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  token: Type.Optional(Type.String()),
});

export type GrantViewT = Static<typeof Grant>;
export type UserViewT = Static<typeof User>;
/** An account's API tokens (never their secrets). */
export const TokenList = Type.Object({ items: Type.Array(Token) });

export type TokenListT = Static<typeof TokenList>;
export type TokenViewT = Static<typeof Token>;
