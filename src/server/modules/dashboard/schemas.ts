import { Type } from 'typebox';

export const DashboardQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1, title: '主题教育' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
  },
  { additionalProperties: false },
);

export { DashboardView } from '../../../shared/views/dashboard.ts';
