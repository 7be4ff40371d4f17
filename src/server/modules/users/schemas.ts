import { Type } from 'typebox';
import { ROLES, SCOPE_KINDS } from '../../../shared/roles.ts';
import { Abilities, PageQuery, Text, Version } from '../../http/schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const GrantView = Type.Object({
  id: Type.Integer(),
  role: Type.String(),
  orgId: Nullable(Type.Integer()),
  orgName: Nullable(Type.String()),
  scopeKind: Type.String(),
});

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  personId: Nullable(Type.Integer()),
  personName: Nullable(Type.String()),
  orgName: Nullable(Type.String()),
  active: Type.Boolean(),
  grants: Type.Array(GrantView),
  version: Type.Integer(),
  abilities: Abilities,
});

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
    role: Type.Optional(Type.String({ enum: [...ROLES], title: '角色' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Password = Type.String({ minLength: 1, maxLength: 256, title: '密码' });
const PersonId = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '对应人员' });

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$', title: '用户名' }),
    displayName: Text('姓名', 40),
    personId: Type.Optional(PersonId),
    password: Password,
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    version: Version,
    displayName: Type.Optional(Text('姓名', 40)),
    personId: Type.Optional(PersonId),
    active: Type.Optional(Type.Boolean({ title: '启用' })),
  },
  { additionalProperties: false },
);

export const PasswordBody = Type.Object({ password: Password }, { additionalProperties: false });

export const GrantBody = Type.Object(
  {
    role: Type.String({ enum: [...ROLES], title: '角色' }),
    orgId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '单位' })),
    scopeKind: Type.String({ enum: [...SCOPE_KINDS], title: '数据范围' }),
  },
  { additionalProperties: false },
);

export const TokenBody = Type.Object({ name: Text('令牌名称', 60) }, { additionalProperties: false });

export const TokenView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});

export const CreatedToken = Type.Object({ id: Type.Integer(), name: Type.String(), token: Type.String(), createdAt: Type.String() });

export const GrantParams = Type.Object({ id: Type.Integer({ minimum: 1, title: '编号' }), grantId: Type.Integer({ minimum: 1, title: '授权编号' }) });
export const TokenParams = Type.Object({ id: Type.Integer({ minimum: 1, title: '编号' }), tokenId: Type.Integer({ minimum: 1, title: '令牌编号' }) });
