/** What the 分管 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';

export const AssignmentView = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  personName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
});

export const AssignmentList = Type.Object({ items: Type.Array(AssignmentView) });

export type AssignmentViewT = Static<typeof AssignmentView>;
export type AssignmentListT = Static<typeof AssignmentList>;
