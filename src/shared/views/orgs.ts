/** What the org routes answer, as TypeBox: the server serialises with it, the web takes `OrgViewT`. */
import { Type, type Static } from 'typebox';

export const Org = Type.Object({
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  name: Type.String(),
  type: Type.String(),
  typeLabel: Type.String(),
  depth: Type.Integer(),
  sortOrder: Type.Integer(),
  secretaryId: Type.Union([Type.Integer(), Type.Null()]),
  secretaryName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  childCount: Type.Optional(Type.Integer()),
  peopleCount: Type.Optional(Type.Integer()),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});

export type OrgViewT = Static<typeof Org>;

/** The top units of the caller's scope: the server registers this path, the web's scope tree reads it. */
export const ORG_ROOTS_PATH = '/orgs/roots';
export const OrgRoots = Type.Object({ items: Type.Array(Org) });
export type OrgRootsT = Static<typeof OrgRoots>;

/** A unit with its sub-units, as `GET /orgs/{id}/tree` answers (nested to any depth). */
export const OrgNode = Type.Cyclic(
  { OrgNode: Type.Object({ ...Org.properties, children: Type.Array(Type.Ref('OrgNode')) }) },
  'OrgNode',
);

export type OrgNodeT = Static<typeof OrgNode>;
