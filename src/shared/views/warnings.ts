/** What the 预警 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';

/** One unit's count of one warning kind, with the page listing what was counted and the API list behind it. */
export const WarningItem = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  line: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  count: Type.Integer(),
  link: Type.String(),
  api: Type.String(),
});

export const WarningsView = Type.Object({ asOf: Type.String(), items: Type.Array(WarningItem) });

export type WarningItemT = Static<typeof WarningItem>;
export type WarningsViewT = Static<typeof WarningsView>;
