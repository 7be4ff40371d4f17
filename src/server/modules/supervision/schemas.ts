import { Type } from 'typebox';
import { Text, Version } from '../../http/schemas.ts';
export { GroupView, GroupList } from '../../../shared/views/supervision.ts';

const Kind = Type.String({ enum: ['supervision', 'liaison'], title: '类型' });
const Ids = (title: string) => Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, title });

export const CreateGroupBody = Type.Object(
  {
    name: Text('名称', 60),
    kind: Kind,
    orgId: Type.Integer({ minimum: 1, title: '所属单位' }),
    memberIds: Ids('组员'),
    unitIds: Ids('联系单位'),
  },
  { additionalProperties: false },
);

export const UpdateGroupBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Text('名称', 60)),
    kind: Type.Optional(Kind),
    memberIds: Type.Optional(Ids('组员')),
    unitIds: Type.Optional(Ids('联系单位')),
  },
  { additionalProperties: false },
);
