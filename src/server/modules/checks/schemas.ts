import { Type, type TSchema } from 'typebox';
import { Abilities, DateString, PageQuery, Text, Version } from '../../http/schemas.ts';
import { CHECK_METHODS, CHECK_STATUSES } from '../../../shared/check-enums.ts';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const Ids = (title: string, maxItems: number) => Type.Array(Id(title), { maxItems, title });
export const Method = Type.String({ enum: Object.keys(CHECK_METHODS), title: '检查方式' });

export const CommitBody = Type.Object(
  { campaignId: Id('主题教育'), orgId: Type.Optional(Id('组织单位')), groupId: Type.Optional(Id('督导组')) },
  { additionalProperties: false },
);

export const DrawBody = Type.Object(
  {
    campaignId: Id('主题教育'),
    poolOrgIds: Type.Array(Id('抽取范围'), { minItems: 1, maxItems: 500, title: '抽取范围' }),
    count: Type.Integer({ minimum: 1, maximum: 100, title: '抽取数量' }),
    commitmentId: Type.Optional(Id('种子承诺')),
    version: Type.Optional(Version),
    publicValue: Type.Optional(Type.String({ maxLength: 200, title: '公开随机数' })),
    orgId: Type.Optional(Id('组织单位')),
    groupId: Type.Optional(Id('督导组')),
    rosterIds: Type.Optional(Ids('检查人员名单', 200)),
    inspectorsPerUnit: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, title: '每单位检查人数' })),
    date: Type.Optional(DateString('检查日期')),
    rule: Type.Optional(
      Type.Object(
        {
          orgId: Type.Optional(Id('范围单位')),
          types: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, title: '单位类型' })),
          excludeRecentDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, title: '近期已查天数' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PoolQuery = Type.Object(
  {
    campaignId: Id('主题教育'),
    orgId: Id('范围单位'),
    types: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, title: '单位类型' })),
    excludeRecentDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, title: '近期已查天数' })),
  },
  { additionalProperties: false },
);

export const CheckListQuery = Type.Object(
  {
    campaignId: Type.Optional(Id('主题教育')),
    orgId: Type.Optional(Id('单位')),
    status: Type.Optional(Type.String({ enum: Object.keys(CHECK_STATUSES), title: '状态' })),
    method: Type.Optional(Method),
    drawId: Type.Optional(Id('抽查')),
    from: Type.Optional(DateString('开始日期')),
    to: Type.Optional(DateString('结束日期')),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateCheckBody = Type.Object(
  {
    campaignId: Id('主题教育'),
    orgId: Id('被检查单位'),
    groupId: Type.Optional(Id('督导组')),
    date: DateString('检查日期'),
    method: Method,
    inspectorIds: Ids('检查人员', 20),
  },
  { additionalProperties: false },
);

export const RecordCheckBody = Type.Object(
  {
    version: Version,
    date: Type.Optional(DateString('检查日期')),
    method: Type.Optional(Method),
    summary: Type.Optional(Type.String({ maxLength: 4000, title: '检查情况' })),
    inspectorIds: Type.Optional(Ids('检查人员', 20)),
    findings: Type.Array(
      Type.Object(
        { text: Text('发现问题', 2000), title: Type.Optional(Type.String({ maxLength: 200, title: '问题标题' })) },
        { additionalProperties: false },
      ),
      { maxItems: 50, title: '发现问题' },
    ),
  },
  { additionalProperties: false },
);

export const RecusalBody = Type.Object(
  { personId: Id('人员'), orgId: Id('单位'), reason: Text('回避原因', 200) },
  { additionalProperties: false },
);

// ---- Responses ----

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
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

export const RecusalCreated = Type.Object(
  { id: Type.Integer({ description: '回避登记编号' }) },
  { additionalProperties: false, description: '已登记的回避' },
);
