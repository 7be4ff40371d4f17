import { Type } from 'typebox';
import { Abilities, Text, Version } from '../../http/schemas.ts';

export const PLAN_STATUS = { submitted: '待审核', approved: '已通过', returned: '已退回' } as const;

export const PlanListQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1 })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
    status: Type.Optional(Type.String({ enum: Object.keys(PLAN_STATUS), title: '状态' })),
  },
  { additionalProperties: false },
);

export const PlanView = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  personId: Type.Union([Type.Integer(), Type.Null()]),
  personName: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  content: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  reviewNote: Type.String(),
  version: Type.Integer(),
  abilities: Abilities,
});

export const PlanList = Type.Object({ items: Type.Array(PlanView) });

export const SubmitPlanBody = Type.Object(
  {
    campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
    personal: Type.Optional(Type.Boolean({ title: '个人计划' })),
    title: Text('计划名称', 200),
    content: Text('计划内容', 8000),
  },
  { additionalProperties: false },
);

export const ReviewPlanBody = Type.Object(
  {
    version: Version,
    approve: Type.Boolean({ title: '是否通过' }),
    note: Type.Optional(Type.String({ maxLength: 1000, title: '意见' })),
  },
  { additionalProperties: false },
);

export const PlanCreated = Type.Object({ id: Type.Integer() });
export const PlanReviewed = Type.Object({ ok: Type.Boolean() });
