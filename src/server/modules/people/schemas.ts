import { Type } from 'typebox';
import { PageQuery, Text, Version } from '../../http/schemas.ts';
// The answers live in src/shared so the web takes its types from the same schemas.
export { Person } from '../../../shared/views/people.ts';

export const PHONE_PATTERN = '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T, title: string) =>
  Type.Union([t, Type.Null()], { title });

const editable = {
  name: Text('姓名', 30),
  gender: Type.Optional(nullable(Type.String({ enum: ['male', 'female'], title: '性别' }), '性别')),
  position: Type.Optional(Type.String({ maxLength: 60, title: '职务' })),
  isPartyMember: Type.Boolean({ title: '是否党员' }),
  leadershipLevel: Type.Optional(
    nullable(Type.String({ enum: ['bureau', 'county', 'township', 'other'], title: '领导职务层级' }), '领导职务层级'),
  ),
  phone: Type.Optional(
    nullable(
      Type.String({ pattern: PHONE_PATTERN, title: '联系电话', description: '请输入 11 位手机号或带区号的固定电话' }),
      '联系电话',
    ),
  ),
};

export const PeopleListQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
    subtree: Type.Optional(Type.Boolean({ title: '含下级单位' })),
    q: Type.Optional(Type.String({ maxLength: 30, title: '关键词' })),
    isPartyMember: Type.Optional(Type.Boolean({ title: '是否党员' })),
    includeInactive: Type.Optional(Type.Boolean({ title: '包含已停用' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreatePersonBody = Type.Object(
  { orgId: Type.Integer({ minimum: 1, title: '所在单位' }), ...editable },
  { additionalProperties: false },
);

export const UpdatePersonBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(editable.name),
    gender: editable.gender,
    position: editable.position,
    isPartyMember: Type.Optional(editable.isPartyMember),
    leadershipLevel: editable.leadershipLevel,
    phone: editable.phone,
  },
  { additionalProperties: false },
);

export const TransferBody = Type.Object(
  { orgId: Type.Integer({ minimum: 1, title: '调入单位' }), version: Version },
  { additionalProperties: false },
);
