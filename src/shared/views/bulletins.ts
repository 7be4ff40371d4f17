/** What the 简报 and 亮点 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';
import { Abilities, Nullable } from './common.ts';

/** A bulletin: its 报头 fields, structured sections, the figures it was compiled from, its 报尾 and download. */
export const BulletinView = Type.Object(
  {
    id: Type.Integer(),
    campaignId: Type.Integer(),
    orgId: Type.Integer(),
    kind: Type.String(),
    kindLabel: Type.String(),
    number: Nullable(Type.Integer()),
    numberLabel: Type.String(),
    title: Type.String(),
    periodFrom: Type.String(),
    periodTo: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    masthead: Type.String(),
    issuer: Type.String(),
    editorNote: Type.String(),
    sections: Type.Array(
      Type.Object(
        {
          heading: Type.String(),
          items: Type.Array(
            Type.Object({ subtitle: Type.String(), text: Type.String() }, { additionalProperties: false }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    /** The dashboard's figures as they were when the draft was compiled (problems, study, research). */
    figures: Type.Record(Type.String(), Type.Unknown()),
    distribution: Type.Object(
      {
        report: Type.Optional(Type.String()),
        send: Type.Optional(Type.String()),
        distribute: Type.Optional(Type.String()),
        copies: Type.Optional(Type.Integer()),
      },
      { additionalProperties: false },
    ),
    reportOrgId: Nullable(Type.Integer()),
    issuedAt: Nullable(Type.String()),
    docxUrl: Type.String(),
    version: Type.Integer(),
    abilities: Abilities,
  },
  { additionalProperties: false },
);

export const HighlightView = Type.Object(
  {
    id: Type.Integer(),
    campaignId: Type.Integer(),
    orgId: Type.Integer(),
    orgName: Type.String(),
    entityType: Type.String(),
    entityId: Type.Integer(),
    entityLabel: Type.String(),
    kind: Type.String(),
    text: Type.String(),
    date: Type.String(),
  },
  { additionalProperties: false },
);

export type BulletinViewT = Static<typeof BulletinView>;
export type HighlightViewT = Static<typeof HighlightView>;
