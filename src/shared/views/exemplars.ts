/** What the 先进典型 routes answer, as TypeBox: the server serialises with it, the web takes its Static type. */
import { Type, type Static } from 'typebox';
import { Abilities, Nullable } from './common.ts';

/** An exemplar with its 公示 objections (never naming who raised them) and what the caller may do. */
export const ExemplarView = Type.Object(
  {
    id: Type.Integer(),
    campaignId: Type.Integer(),
    orgId: Type.Integer(),
    personId: Nullable(Type.Integer()),
    nomineeOrgId: Nullable(Type.Integer()),
    title: Type.String(),
    deeds: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    levelOrgId: Type.Integer(),
    honour: Type.String(),
    noticeFrom: Nullable(Type.String()),
    noticeTo: Nullable(Type.String()),
    note: Type.String(),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    objections: Type.Array(
      Type.Object(
        {
          id: Type.Integer(),
          text: Type.String(),
          result: Nullable(Type.String()),
          upheld: Nullable(Type.Boolean()),
          createdAt: Type.String(),
          handledAt: Nullable(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    abilities: Abilities,
  },
  { additionalProperties: false },
);

export type ExemplarViewT = Static<typeof ExemplarView>;
