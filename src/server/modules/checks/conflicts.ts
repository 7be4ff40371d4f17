/** 回避: who may not check which unit. Pure, over people and units the command loaded. */

/** The reason of a conflict that is not a recorded 回避: the person works in (or above) the unit. */
export const OWN_UNIT = '本单位';

export interface Conflict {
  personId: number;
  orgId: number;
  reason: string;
}

/**
 * A person may not check the unit they work in, nor a unit their own unit lies inside (本单位回避), nor a
 * unit they have a recorded 回避 for. (An office above a unit checks it: that is the point.)
 */
export function conflictsOf(
  people: ReadonlyArray<{ id: number; orgPath: string }>,
  units: ReadonlyArray<{ id: number; path: string }>,
  recusals: ReadonlyArray<{ personId: number; orgId: number; reason: string }>,
): Conflict[] {
  const out: Conflict[] = [];
  for (const u of units) {
    for (const p of people) {
      if (p.orgPath.startsWith(u.path)) out.push({ personId: p.id, orgId: u.id, reason: OWN_UNIT });
      else {
        const r = recusals.find((x) => x.personId === p.id && x.orgId === u.id);
        if (r) out.push({ personId: p.id, orgId: u.id, reason: r.reason });
      }
    }
  }
  return out.sort((a, b) => a.orgId - b.orgId || a.personId - b.personId);
}
