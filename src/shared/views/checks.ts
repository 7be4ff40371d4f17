/** What the 督促指导 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';
import { Abilities, Nullable } from './common.ts';

const Person = Type.Object({ personId: Type.Integer(), name: Type.String() }, { additionalProperties: false });

const Assignment = Type.Object(
  { orgId: Type.Integer(), inspectorIds: Type.Array(Type.Integer()) },
  { additionalProperties: false },
);

const Rule = Type.Object(
  {
    orgId: Type.Optional(Type.Integer()),
    types: Type.Optional(Type.Array(Type.String())),
    excludeRecentDays: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

/** A draw as published: the commitment, then (once drawn) the secret, seed, frozen pool and its hash, the result. */
export const DrawView = Type.Object(
  {
    id: Type.Integer(),
    campaignId: Type.Integer(),
    orgId: Type.Integer(),
    groupId: Nullable(Type.Integer()),
    status: Type.String(),
    statusLabel: Type.String(),
    commitment: Type.String(),
    secret: Nullable(Type.String()),
    publicValue: Type.String(),
    seed: Nullable(Type.String()),
    poolHash: Nullable(Type.String()),
    poolOrgIds: Type.Array(Type.Integer()),
    pool: Type.Array(Type.Object({ orgId: Type.Integer(), name: Type.String() }, { additionalProperties: false })),
    rule: Rule,
    count: Type.Integer(),
    inspectorsPerUnit: Type.Integer(),
    drawnOrgIds: Type.Array(Type.Integer()),
    drawn: Type.Array(
      Type.Object(
        { orgId: Type.Integer(), name: Type.String(), inspectors: Type.Array(Person) },
        { additionalProperties: false },
      ),
    ),
    drawnAt: Nullable(Type.String()),
    publishedAt: Nullable(Type.String()),
    createdAt: Type.String(),
    version: Type.Integer(),
    abilities: Abilities,
  },
  { additionalProperties: false },
);

/** A check with its inspectors and findings, each finding with its problem's rectification status and colour. */
export const CheckView = Type.Object(
  {
    id: Type.Integer(),
    campaignId: Type.Integer(),
    orgId: Type.Integer(),
    orgName: Type.String(),
    groupId: Nullable(Type.Integer()),
    drawId: Nullable(Type.Integer()),
    date: Type.String(),
    method: Type.String(),
    methodLabel: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    summary: Type.String(),
    recordedAt: Nullable(Type.String()),
    version: Type.Integer(),
    inspectors: Type.Array(Person),
    findings: Type.Array(
      Type.Object(
        {
          id: Type.Integer(),
          text: Type.String(),
          problemId: Nullable(Type.Integer()),
          problemStatus: Nullable(Type.String()),
          problemStatusLabel: Nullable(Type.String()),
          colour: Nullable(Type.String()),
          colourLabel: Nullable(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    abilities: Abilities,
  },
  { additionalProperties: false },
);

const Parts = Type.Object(
  {
    commitment: Type.Boolean(),
    poolHash: Type.Boolean(),
    seed: Type.Boolean(),
    drawnOrgIds: Type.Boolean(),
    assignments: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** 验证: the published inputs, the server's recomputation and, part by part, whether the stored result holds. */
export const VerifyView = Type.Object(
  {
    id: Type.Integer(),
    status: Type.String(),
    /** null while only the commitment exists (nothing to verify yet). */
    valid: Nullable(Type.Boolean()),
    commitment: Type.Optional(Type.String()),
    parts: Type.Optional(Parts),
    inputs: Type.Optional(
      Type.Object(
        {
          pool: Type.Array(Type.Integer()),
          poolHash: Nullable(Type.String()),
          count: Type.Integer(),
          commitment: Type.String(),
          secret: Type.String(),
          publicValue: Type.String(),
          roster: Type.Array(Type.Integer()),
          inspectorsPerUnit: Type.Integer(),
          conflicts: Type.Array(
            Type.Object(
              { personId: Type.Integer(), orgId: Type.Integer(), reason: Type.String() },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    recomputed: Type.Optional(
      Type.Object(
        {
          commitment: Type.String(),
          seed: Type.String(),
          poolHash: Type.String(),
          rosterHash: Type.String(),
          drawnOrgIds: Type.Array(Type.Integer()),
          assignments: Type.Array(Assignment),
        },
        { additionalProperties: false },
      ),
    ),
    protocol: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** The pool a draw would start from: active units of the subtree and types, minus the recently checked. */
export const PoolView = Type.Object(
  {
    items: Type.Array(
      Type.Object({ id: Type.Integer(), name: Type.String(), type: Type.String() }, { additionalProperties: false }),
    ),
    total: Type.Integer(),
    excluded: Type.Integer(),
  },
  { additionalProperties: false },
);

export type DrawViewT = Static<typeof DrawView>;
export type CheckViewT = Static<typeof CheckView>;
export type VerifyViewT = Static<typeof VerifyView>;
export type PoolViewT = Static<typeof PoolView>;
