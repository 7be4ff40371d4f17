import { Type } from 'typebox';
export { AssignmentView, AssignmentList } from '../../../shared/views/leaders.ts';

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
