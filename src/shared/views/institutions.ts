/** What the 建章立制 routes answer, as TypeBox: the server serialises with it, the web takes its Static type. */
import { Type, type Static } from 'typebox';
import { Abilities } from './common.ts';

export const InstitutionView = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  title: Type.String(),
  action: Type.String(),
  actionLabel: Type.String(),
  reason: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  issuedDate: Type.Union([Type.String(), Type.Null()]),
  attachmentId: Type.Union([Type.Integer(), Type.Null()]),
  problems: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), status: Type.String() })),
  version: Type.Integer(),
  abilities: Abilities,
});

export type InstitutionViewT = Static<typeof InstitutionView>;
