import { Type } from 'typebox';
import { ORG_TYPE_KEYS } from '../../../shared/org-types.ts';
import { PageQuery, Text, Version } from '../../http/schemas.ts';
// The answers live in src/shared so the web takes its types from the same schemas.
export { Org, OrgNode, OrgRoots, ORG_ROOTS_PATH } from '../../../shared/views/orgs.ts';

const OrgTypeEnum = Type.String({ enum: ORG_TYPE_KEYS, title: '单位类型' });

export const OrgListQuery = Type.Object(
  {
    parentId: Type.Optional(Type.Integer({ minimum: 1, title: '上级单位' })),
    q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
    type: Type.Optional(OrgTypeEnum),
    includeInactive: Type.Optional(Type.Boolean({ title: '包含已停用' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const TreeQuery = Type.Object(
  { includeInactive: Type.Optional(Type.Boolean({ title: '包含已停用' })) },
  { additionalProperties: false },
);

export const CreateOrgBody = Type.Object(
  {
    parentId: Type.Optional(Type.Integer({ minimum: 1, title: '上级单位' })),
    name: Text('单位名称', 60),
    type: OrgTypeEnum,
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, title: '排序号' })),
    secretaryId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '第一责任人' })),
  },
  { additionalProperties: false },
);

export const UpdateOrgBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Text('单位名称', 60)),
    type: Type.Optional(OrgTypeEnum),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, title: '排序号' })),
    secretaryId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '第一责任人' })),
  },
  { additionalProperties: false },
);

export const MoveOrgBody = Type.Object(
  {
    parentId: Type.Integer({ minimum: 1, title: '目标上级单位' }),
    version: Version,
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, title: '排序号' })),
  },
  { additionalProperties: false },
);
