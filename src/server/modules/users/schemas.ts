import { Type } from 'typebox';
import { ROLES, SCOPE_KINDS } from '../../../shared/roles.ts';
import { PageQuery, Text, Version } from '../../http/schemas.ts';
// The answers live in src/shared so the web takes its types from the same schemas.
export { Grant, Token, TokenList, User } from '../../../shared/views/users.ts';

const Password = Type.String({ title: '密码', minLength: 8, maxLength: 128 });
const Nullable = <T extends ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
    role: Type.Optional(Type.String({ enum: [...ROLES], title: '角色' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateUserBody = Type.Object(
  {
    username: Type.String({
      title: '用户名',
      pattern: '^[a-zA-Z0-9_.-]{3,64}$',
      description: '3–64 位字母、数字、下划线、点或连字符',
    }),
    displayName: Text('显示名称', 60),
    personId: Type.Optional(Nullable(Type.Integer({ minimum: 1, title: '关联人员' }))),
    password: Password,
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    version: Version,
    displayName: Type.Optional(Text('显示名称', 60)),
    personId: Type.Optional(Nullable(Type.Integer({ minimum: 1, title: '关联人员' }))),
    active: Type.Optional(Type.Boolean({ title: '启用状态' })),
  },
  { additionalProperties: false },
);

export const PasswordBody = Type.Object({ password: Password }, { additionalProperties: false });

export const GrantBody = Type.Object(
  {
    role: Type.String({ enum: [...ROLES], title: '角色' }),
    scopeKind: Type.String({ enum: [...SCOPE_KINDS], title: '数据范围' }),
    orgId: Type.Optional(Nullable(Type.Integer({ minimum: 1, title: '单位' }))),
  },
  { additionalProperties: false },
);

export const TokenBody = Type.Object({ name: Text('令牌用途', 60) }, { additionalProperties: false });

export const UserGrantParams = Type.Object({ id: Type.Integer({ minimum: 1 }), grantId: Type.Integer({ minimum: 1 }) });
export const UserTokenParams = Type.Object({ id: Type.Integer({ minimum: 1 }), tokenId: Type.Integer({ minimum: 1 }) });
