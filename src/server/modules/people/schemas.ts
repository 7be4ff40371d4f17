import { Type } from 'typebox';
import { Abilities, PageQuery, Text, Version } from '../../http/schemas.ts';

export const LEADERSHIP_LEVELS = ['bureau', 'county', 'township', 'other'] as const;
export const PHONE_PATTERN = '^(|1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$';

const Gender = Type.Union([Type.String({ enum: ['male', 'female'] }), Type.Null()], { title: '性别' });
const Level = Type.Union([Type.String({ enum: [...LEADERSHIP_LEVELS] }), Type.Null()], { title: '领导职级' });
// The validator prints “联系电话”格式不正确：<description>. An empty string clears the number.
const Phone = Type.String({ pattern: PHONE_PATTERN, title: '联系电话', description: '请输入 11 位手机号或带区号的固定电话' });

export const Person = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  name: Type.String(),
  gender: Type.Union([Type.String(), Type.Null()]),
  position: Type.String(),
  isPartyMember: Type.Boolean(),
  leadershipLevel: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Abilities,
});

export const PersonListQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
    subtree: Type.Optional(Type.Boolean({ title: '包含下级单位' })),
    q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
    isPartyMember: Type.Optional(Type.Boolean({ title: '是否党员' })),
    includeInactive: Type.Optional(Type.Boolean({ title: '包含已停用' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const fields = {
  gender: Type.Optional(Gender),
  position: Type.Optional(Text('职务', 60, 0)),
  leadershipLevel: Type.Optional(Level),
  phone: Type.Optional(Phone),
};

export const CreatePersonBody = Type.Object(
  { orgId: Type.Integer({ minimum: 1, title: '所在单位' }), name: Text('姓名', 30), isPartyMember: Type.Boolean({ title: '是否党员' }), ...fields },
  { additionalProperties: false },
);

export const UpdatePersonBody = Type.Object(
  { version: Version, name: Type.Optional(Text('姓名', 30)), isPartyMember: Type.Optional(Type.Boolean({ title: '是否党员' })), ...fields },
  { additionalProperties: false },
);

export const TransferPersonBody = Type.Object({ orgId: Type.Integer({ minimum: 1, title: '调入单位' }), version: Version }, { additionalProperties: false });

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
