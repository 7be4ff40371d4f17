import { Type } from 'typebox';
import { WARNING_KINDS } from './kinds.ts';
// The answers live in src/shared so the web takes its types from the same schemas.
export { WarningItem, WarningsView } from '../../../shared/views/warnings.ts';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
export const WarningsQuery = Type.Object(
  {
    campaignId: Type.Optional(Id('主题教育')),
    orgId: Type.Optional(Id('单位')),
    kind: Type.Optional(Type.String({ enum: WARNING_KINDS.map((k) => k.kind), title: '预警类型' })),
    children: Type.Optional(Type.Boolean({ title: '含各直属单位' })),
  },
  { additionalProperties: false },
);
export const CampaignQuery = Type.Object({ campaignId: Id('主题教育') }, { additionalProperties: false });
export const Thresholds = Type.Object({
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      kind: Type.String(),
      value: Type.Number(),
      min: Type.Number(),
      max: Type.Number(),
    }),
  ),
});

export const ThresholdsBody = Type.Object(
  {
    values: Type.Record(Type.String({ maxLength: 60 }), Type.Number({ minimum: 0, maximum: 10000 }), {
      maxProperties: 50,
      title: '阈值',
    }),
  },
  { additionalProperties: false },
);
