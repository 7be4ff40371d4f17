import { Type } from 'typebox';
import { DateString } from '../../http/schemas.ts';

export const OverrideView = Type.Object({
  id: Type.Integer(),
  date: Type.String(),
  kind: Type.String(),
  note: Type.String(),
});

export const OverrideList = Type.Object({ items: Type.Array(OverrideView) });

export const CreateOverrideBody = Type.Object(
  {
    date: DateString('日期'),
    kind: Type.String({ enum: ['workday', 'holiday'], title: '类型' }),
    note: Type.Optional(Type.String({ maxLength: 60, title: '说明' })),
  },
  { additionalProperties: false },
);
