import { Type } from 'typebox';
import { Abilities, Text, Version } from '../../http/schemas.ts';

const Kind = Type.String({ enum: ['supervision', 'liaison'], title: '类型' });
const MemberIds = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50, uniqueItems: true, title: '组员' });
const UnitIds = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, uniqueItems: true, title: '联系单位' });

export const Group = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  orgId: Type.Integer(),
  members: Type.Array(Type.Object({ personId: Type.Integer(), name: Type.String() })),
  units: Type.Array(Type.Object({ orgId: Type.Integer(), name: Type.String() })),
  version: Type.Integer(),
  abilities: Abilities,
});

export const CreateGroupBody = Type.Object(
  { name: Text('名称', 60), kind: Kind, orgId: Type.Integer({ minimum: 1, title: '所属单位' }), memberIds: MemberIds, unitIds: UnitIds },
  { additionalProperties: false },
);

export const UpdateGroupBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Text('名称', 60)),
    kind: Type.Optional(Kind),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '所属单位' })),
    memberIds: Type.Optional(MemberIds),
    unitIds: Type.Optional(UnitIds),
  },
  { additionalProperties: false },
);
