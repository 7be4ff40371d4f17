import { Type } from 'typebox';

export const AssignmentView = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  personName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
});

export const AssignmentList = Type.Object({ items: Type.Array(AssignmentView) });

export const AssignmentQuery = Type.Object(
  {
    personId: Type.Optional(Type.Integer({ minimum: 1, title: '班子成员' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
  },
  { additionalProperties: false },
);

export const AssignBody = Type.Object(
  {
    personId: Type.Integer({ minimum: 1, title: '班子成员' }),
    orgId: Type.Integer({ minimum: 1, title: '分管单位' }),
  },
  { additionalProperties: false },
);

export const AssignedView = Type.Object({ id: Type.Integer() });
